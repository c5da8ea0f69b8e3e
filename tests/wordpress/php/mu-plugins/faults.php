<?php
/*
 * Plugin Name: Test site: slow or failing comment posts when asked
 * Description: For the sender's timeout and server-error tests. Option tui_test_post_delay (seconds):
 * wp-comments-post.php sleeps that long first, then goes on as usual (the comment is still stored, as
 * on a slow real server). Option tui_test_post_status (an HTTP status): wp-comments-post.php answers
 * WordPress's own error page with that status and stores nothing.
 */

add_action('init', function () {
    if (basename($_SERVER['SCRIPT_FILENAME'] ?? '') !== 'wp-comments-post.php') {
        return;
    }
    $delay = (float) get_option('tui_test_post_delay', 0);
    if ($delay > 0) {
        usleep((int) ($delay * 1000000));
    }
    $status = (int) get_option('tui_test_post_status', 0);
    if ($status >= 400) {
        wp_die('Test server error.', 'Comment Submission Failure', array('response' => $status));
    }
}, 0);
