<?php
// Installs a test site without a browser and creates its fixture posts and comments.
// Input: JSON in $TUI_WP_INSTALL (docroot, host, title, locale, posts, comments). Output: JSON of the
// posts created (id, url, slug, title) and of the comments' ids.
$cfg = json_decode(getenv('TUI_WP_INSTALL'), true);
define('WP_INSTALLING', true);
define('ABSPATH', $cfg['docroot'] . '/');
$_SERVER['HTTP_HOST'] = $cfg['host'];
$_SERVER['REQUEST_URI'] = '/';
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$locale = $cfg['locale'] === 'en_US' ? '' : $cfg['locale'];
wp_install($cfg['title'], 'admin', 'admin@example.com', true, '', wp_generate_password(), $locale);

// The sample post, page and comment of a fresh install are not part of the fixture.
foreach (get_posts(array('post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1)) as $p) {
    wp_delete_post($p->ID, true);
}
foreach (get_comments(array('status' => 'all')) as $c) {
    wp_delete_comment($c->comment_ID, true);
}

foreach ($cfg['options'] as $name => $value) {
    update_option($name, $value);
}
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%postname%/');
$wp_rewrite->flush_rules(false);

$out = array('posts' => array(), 'comments' => array());
foreach ($cfg['posts'] as $key => $post) {
    // Both functions unslash what they store, as for form data.
    $id = wp_insert_post(wp_slash(array(
        'post_title' => $post['title'],
        'post_name' => $post['slug'],
        'post_content' => $post['content'],
        'post_status' => $post['status'],
        'comment_status' => $post['comment_status'],
        'post_author' => 1,
        'post_date' => gmdate('Y-m-d H:i:s', time() - 3 * DAY_IN_SECONDS),
    )), true);
    if (is_wp_error($id)) {
        fwrite(STDERR, $id->get_error_message() . "\n");
        exit(1);
    }
    $out['posts'][$key] = array(
        'id' => $id,
        'url' => get_permalink($id),
        'slug' => $post['slug'],
        'title' => $post['title'],
    );
}
// Comments dated in the past and from a documentation address (192.0.2.0/24): they never count in
// the flood check of the tests' own comments from 127.0.0.1.
foreach ($cfg['comments'] as $key => $c) {
    $id = wp_insert_comment(wp_slash(array(
        'comment_post_ID' => $out['posts'][$c['post']]['id'],
        'comment_parent' => isset($c['parent']) ? $out['comments'][$c['parent']] : 0,
        'comment_author' => $c['author'],
        'comment_author_email' => $c['email'],
        'comment_author_url' => $c['url'] ?? '',
        'comment_content' => $c['content'],
        'comment_approved' => $c['approved'],
        'comment_author_IP' => '192.0.2.1',
        'comment_date_gmt' => gmdate('Y-m-d H:i:s', time() - DAY_IN_SECONDS + count($out['comments']) * 60),
        'comment_date' => get_date_from_gmt(gmdate('Y-m-d H:i:s', time() - DAY_IN_SECONDS + count($out['comments']) * 60)),
    )));
    $out['comments'][$key] = $id;
}
echo json_encode($out);
