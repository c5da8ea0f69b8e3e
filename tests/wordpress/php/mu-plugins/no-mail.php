<?php
/*
 * Plugin Name: Test site: no mail
 * Description: The test site never sends e-mail (new comments, moderation notices, install notice).
 */

// A must-use plugin loads before pluggable.php, so this definition replaces WordPress's wp_mail().
function wp_mail($to, $subject, $message, $headers = '', $attachments = array())
{
    return true;
}
