<?php
// Run from the site's directory by start.sh: installs the site with WordPress's own installer and
// prints an application password made by WordPress's own code.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url($argv[1], PHP_URL_HOST) . ':' . parse_url($argv[1], PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
require getcwd() . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Postwright Test Site', 'editor-admin', 'admin@example.invalid', true, '',
    wp_generate_password(24), 'en_US');
update_option('permalink_structure', '/%postname%/');
$user = get_user_by('login', 'editor-admin');
wp_update_user(['ID' => $user->ID, 'display_name' => 'Ada Editor']);
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'postwright-tests']);
if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message() . "\n"); exit(1); }
// A second user who may write but not publish.
wp_insert_user(['user_login' => 'contributor', 'user_pass' => 'contributor-pass', 'role' => 'contributor',
    'display_name' => 'Cora Contributor']);
$contributor = get_user_by('login', 'contributor');
$second = WP_Application_Passwords::create_new_application_password($contributor->ID, ['name' => 'postwright-tests']);
echo $created[0], ' ', $second[0];
