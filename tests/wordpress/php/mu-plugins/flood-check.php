<?php
/*
 * Plugin Name: Test site: flood check only when asked
 * Description: Every test client is 127.0.0.1, so WordPress's 15-second flood check would refuse most
 * second comments. It is on only when the option tui_test_flood_check is set (the flood tests);
 * tui_test_flood_interval (seconds) replaces WordPress's 15 s when set.
 */

add_action('init', function () {
    if (!get_option('tui_test_flood_check')) {
        remove_action('check_comment_flood', 'check_comment_flood_db', 10);
        return;
    }
    $interval = (int) get_option('tui_test_flood_interval', 0);
    if ($interval > 0) {
        remove_filter('comment_flood_filter', 'wp_throttle_comment_flood', 10);
        add_filter('comment_flood_filter', function ($block, $last, $new) use ($interval) {
            return $block || ($new - $last) < $interval;
        }, 10, 3);
    }
});
