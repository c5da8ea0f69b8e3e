<?php
// Router for PHP's built-in server: what WordPress's .htaccess does under Apache.
// Existing files are served (PHP files run), every other path goes to index.php (pretty permalinks).
// ABSPATH is the private docroot: its PHP files are symlinks into /usr/share/wordpress, whose own
// __DIR__ would otherwise lead WordPress to Debian's wp-config.php and /etc/wordpress.
define('ABSPATH', rtrim($_SERVER['DOCUMENT_ROOT'], '/') . '/');

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$file = ABSPATH . ltrim($path, '/');
if (strpos($path, '..') === false && is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    $path = rtrim($path, '/') . '/index.php';
    $file = ABSPATH . ltrim($path, '/');
}
if (strpos($path, '..') !== false || !is_file($file)) {
    $path = '/index.php';
    $file = ABSPATH . 'index.php';
} elseif (substr($file, -4) !== '.php') {
    return false; // a static file: the built-in server sends it
}
$_SERVER['SCRIPT_NAME'] = $path;
$_SERVER['PHP_SELF'] = $path;
$_SERVER['SCRIPT_FILENAME'] = $file;
chdir(dirname($file));
require $file;
