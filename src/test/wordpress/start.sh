#!/usr/bin/env bash
# A throwaway WordPress on loopback for the tests (decision 0032): Debian's wordpress copied into
# DIR with our own wp-config.php, a private MariaDB (datadir, socket and port under DIR), PHP's
# built-in server with router.php, the site installed by wp_install() and an application password
# made by WP_Application_Passwords. Writes DIR/site.properties; stop.sh DIR ends both servers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(mkdir -p "$1" && cd "$1" && pwd)"
rm -rf "$dir"/{db,www,run} "$dir/site.properties"
mkdir -p "$dir"/{db,run}
for tool in mariadb-install-db mariadbd mariadb php; do
  command -v "$tool" >/dev/null || { echo "WordPress for the tests needs $tool (apt-get install wordpress mariadb-server php-mysql php-cli)" >&2; exit 3; }
done
[ -r /usr/share/wordpress/wp-load.php ] || { echo "Debian's wordpress package is not installed" >&2; exit 3; }
free_port() { php -r '$s=stream_socket_server("tcp://127.0.0.1:0");echo explode(":",stream_socket_get_name($s,false))[1];'; }
db_port=$(free_port); web_port=$(free_port); strip_port=$(free_port); seo_port=$(free_port)
user_opt=(); [ "$(id -u)" = 0 ] && user_opt=(--user=root)

mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$dir/db" --auth-root-authentication-method=normal \
  --skip-test-db >"$dir/run/install-db.log" 2>&1
mariadbd --no-defaults "${user_opt[@]}" --datadir="$dir/db" --socket="$dir/run/db.sock" --pid-file="$dir/run/db.pid" \
  --skip-networking=0 --bind-address=127.0.0.1 --port="$db_port" --skip-log-bin --innodb-buffer-pool-size=32M \
  --log-error="$dir/run/db.err" >/dev/null 2>&1 &
echo $! >"$dir/run/mariadbd.pid"
deadline=$((SECONDS + 60))
until mariadb --no-defaults --socket="$dir/run/db.sock" -uroot -e 'select 1' >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] && kill -0 "$(cat "$dir/run/mariadbd.pid")" 2>/dev/null \
    || { echo "MariaDB did not start:" >&2; tail -5 "$dir/run/db.err" >&2; exit 1; }
  sleep 0.1  # polling the readiness condition above, with a deadline
done
mariadb --no-defaults --socket="$dir/run/db.sock" -uroot -e "CREATE DATABASE wordpress;
  CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'127.0.0.1';"

cp -a /usr/share/wordpress "$dir/www"
rm -f "$dir/www/wp-config.php"
mkdir -p "$dir/www/wp-content/mu-plugins" "$dir/www/wp-content/uploads"
cp "$here"/mu-plugins/*.php "$dir/www/wp-content/mu-plugins/"
cat >"$dir/www/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress'); define('DB_USER', 'wp'); define('DB_PASSWORD', 'wp');
define('DB_HOST', '127.0.0.1:$db_port'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
\$table_prefix = 'wp_';
// 'local' is WordPress's own switch that allows application passwords over plain http
// (wp_is_application_passwords_available() otherwise requires HTTPS).
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', 'http://127.0.0.1:$web_port'); define('WP_SITEURL', 'http://127.0.0.1:$web_port');
define('AUTOMATIC_UPDATER_DISABLED', true); define('WP_HTTP_BLOCK_EXTERNAL', true); define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
foreach (['AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT'] as \$k) define(\$k, '$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')' . \$k);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP
passwords=$(cd "$dir/www" && php "$here/install.php" "http://127.0.0.1:$web_port")

# The site itself; the same site behind a host that strips Authorization (router.php drops it, as
# Apache with PHP as CGI does without CGIPassAuth); and the same site with SEO fields registered
# for REST (mu-plugins/seo-fields.php, standing in for Yoast and Rank Math).
serve() { # name port env...
  local name=$1 port=$2; shift 2
  env "$@" php -S "127.0.0.1:$port" -t "$dir/www" "$here/router.php" >"$dir/run/$name.log" 2>&1 &
  echo $! >"$dir/run/$name.pid"
  local deadline=$((SECONDS + 30))
  until php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' "http://127.0.0.1:$port/wp-json/" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] && kill -0 "$(cat "$dir/run/$name.pid")" 2>/dev/null \
      || { echo "PHP's server ($name) did not start:" >&2; tail -5 "$dir/run/$name.log" >&2; exit 1; }
    sleep 0.1  # polling the readiness condition above, with a deadline
  done
}
serve php "$web_port"
serve php-strip "$strip_port" POSTWRIGHT_STRIP_AUTHORIZATION=1
serve php-seo "$seo_port" POSTWRIGHT_SEO_FIELDS=1
cat >"$dir/site.properties" <<PROPS
url=http://127.0.0.1:$web_port
user=editor-admin
applicationPassword=${passwords% *}
contributor=contributor
contributorPassword=${passwords#* }
stripUrl=http://127.0.0.1:$strip_port
seoUrl=http://127.0.0.1:$seo_port
PROPS
