<?php
// PHP's built-in server as Apache with WordPress's .htaccess: real files are served as they are,
// everything else (pretty permalinks, /wp-json/…) goes to index.php.
if (getenv('POSTWRIGHT_STRIP_AUTHORIZATION')) {
    // What a host that does not pass Authorization to PHP looks like from inside WordPress.
    unset($_SERVER['HTTP_AUTHORIZATION'], $_SERVER['PHP_AUTH_USER'], $_SERVER['PHP_AUTH_PW']);
}
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file)) {
    if (substr($file, -4) !== '.php') return false;
    chdir(dirname($file));
    require $file;
    return true;
}
chdir($_SERVER['DOCUMENT_ROOT']);
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
