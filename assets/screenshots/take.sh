#!/usr/bin/env bash
# Takes the README's screenshots of the real app, light and dark, on a virtual display: a first
# run with the sample brief, generating against a loopback model server that streams slowly
# enough to catch the draft arriving, the finished post with each side panel (the Visuals panel
# after Create all), an SEO fix on the desk and in the editor, the library editor and settings;
# then the Publish dialog and the outbox against the tests' WordPress (src/test/wordpress/start.sh,
# which needs its Debian packages). Needs Xvfb, xdotool and ImageMagick (apt-get install -y xvfb
# xdotool imagemagick). ONLY=publish takes just the publishing screens, ONLY=sites just Settings'
# WordPress sites card (a site tested against the same WordPress), ONLY=builtin just Settings'
# built-in model (the tests' tiny model loaded, a curated model's download paused), ONLY=desk
# just the first-run sessions (desk, library, settings).
#
#   mvn -B -q package -DskipTests && mvn -B -q test-compile && assets/screenshots/take.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=assets/screenshots
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V | tail -1)}
PORT=18181
WORK=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp" -Dmdep.includeScope=test >/dev/null
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp & PIDS+=($!)
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$WORK/cp")" dev.postwright.testing.ScreenshotModelServer \
  "$PORT" 8 > "$WORK/model.log" 2>&1 & PIDS+=($!)

wait_for() { # file pattern: waits up to 30 s for the pattern to appear
  for _ in $(seq 1 300); do grep -q "$2" "$1" && return 0; sleep 0.1; done
  echo "gave up waiting for '$2' in $1" >&2; cat "$1" >&2; exit 1
}
shot() { import -window root "$OUT/$1.png"; echo "$OUT/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.6; }

wait_for "$WORK/model.log" "ready"

visuals_and_details() { # the side panel's tabs, by position in a 1440-wide window
  click 1195 161
  click 1150 221 # Create all: a picture for each visual suggestion
  sleep 3
  xdotool mousemove 1270 600
  for _ in $(seq 1 22); do xdotool click 5; done # down to the suggestions and their pictures
  sleep 1
  shot "$theme-finished-visuals"
  click 1272 161
  shot "$theme-finished-details"
}

session() { # theme
  local theme=$1 config="$WORK/config-$1" data="$WORK/data-$1"
  mkdir -p "$config"
  cat > "$config/settings.json" <<EOF
{"model": {"kind": "openai-compatible", "baseUrl": "http://127.0.0.1:$PORT/v1", "model": "llama3.1:8b"},
 "workers": 2, "theme": "$theme", "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}
EOF
  POSTWRIGHT_CONFIG_DIR=$config "$JAVA" -jar target/postwright.jar --data-dir "$data" > "$WORK/app-$theme.log" 2>&1 &
  local app=$!
  wait_for "$WORK/app-$theme.log" "window shown"
  sleep 2 # the WebView is made after the first frames; let it paint
  shot "$theme-brief"
  xdotool key ctrl+Return
  sleep 4
  shot "$theme-generating"
  sleep 9
  shot "$theme-finished-seo"
  click 1342 438 # Fix on the transition words check: the model's rewrite, its diff and its score
  sleep 2
  shot "$theme-seo-fix"
  visuals_and_details
  xdotool key ctrl+2
  sleep 1
  click 150 185 # the first post in the list
  sleep 2
  shot "$theme-library-editor"
  click 1068 120 # the meta description, cut short by hand, then fitted by its Fix
  xdotool key ctrl+a
  xdotool type --delay 20 "Bake sourdough bread at home."
  sleep 2
  click 1328 530
  xdotool mousemove 1290 600
  for _ in $(seq 1 5); do xdotool click 5; done
  sleep 1
  shot "$theme-editor-seo-fix"
  xdotool key ctrl+3
  sleep 2
  shot "$theme-settings"
  kill "$app"
  wait "$app" 2>/dev/null || true
}


team_session() { # the app pointed at a `postwright serve` on this machine
  local config="$WORK/config-team" data="$WORK/data-team" team="$WORK/team-server"
  "$JAVA" -jar target/postwright.jar serve --port 18787 --data-dir "$team" > "$WORK/serve.log" 2>&1 & PIDS+=($!)
  wait_for "$WORK/serve.log" "serving the job API"
  local token
  token=$("$JAVA" -jar target/postwright.jar serve token --user maria --data-dir "$team" | tail -1)
  mkdir -p "$config"
  printf '%s\n' '{"model": {"kind": "offline"}, "workers": 2, "theme": "light",' \
    ' "teamServer": {"url": "http://127.0.0.1:18787"},' \
    ' "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}' > "$config/settings.json"
  printf '{"team-server:http://127.0.0.1:18787": "%s"}' "$token" > "$config/secrets.json"
  chmod 600 "$config/secrets.json"
  POSTWRIGHT_CONFIG_DIR=$config "$JAVA" -jar target/postwright.jar --data-dir "$data" > "$WORK/app-team.log" 2>&1 &
  local app=$!
  wait_for "$WORK/app-team.log" "window shown"
  sleep 2
  xdotool key ctrl+Return
  sleep 4
  shot "team-server-finished"
  xdotool key ctrl+3
  sleep 2
  shot "team-server-settings"
  kill "$app"
  wait "$app" 2>/dev/null || true
}

builtin_session() { # theme: Settings' built-in model, the tests' tiny model loaded, a download paused part-way
  local theme=$1 config="$WORK/builtin-config-$1" data="$WORK/builtin-data-$1"
  mkdir -p "$config" "$data/models"
  "$JAVA" -cp "target/test-classes" dev.postwright.llm.builtin.GgufWriter "$data/models/tiny.gguf"
  head -c 312000000 /dev/zero > "$data/models/qwen2.5-1.5b-instruct.gguf.part" # a download paused at 312 MB
  printf '%s\n' '{"model": {"kind": "builtin", "file": "'"$data/models/tiny.gguf"'", "threads": 0, "contextSize": 0,' \
    ' "gpuLayers": -1}, "workers": 2, "theme": "'"$theme"'",' \
    ' "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}' > "$config/settings.json"
  POSTWRIGHT_CONFIG_DIR=$config "$JAVA" -jar target/postwright.jar --data-dir "$data" > "$WORK/app-builtin-$theme.log" 2>&1 &
  local app=$!
  wait_for "$WORK/app-builtin-$theme.log" "window shown"
  sleep 2
  xdotool key ctrl+3
  sleep 2
  xdotool mousemove 720 500
  for _ in $(seq 1 ${BUILTIN_SCROLL:-6}); do xdotool click 5; done # down to Who writes
  sleep 1
  shot "$theme-settings-builtin"
  kill "$app"
  wait "$app" 2>/dev/null || true
}

publish_session() { # theme: the Publish dialog and the outbox, against the tests' WordPress on loopback
  local theme=$1 config="$WORK/publish-config-$1" data="$WORK/publish-data-$1"
  mkdir -p "$config"
  printf '%s\n' '{"model": {"kind": "offline"}, "workers": 2, "theme": "'"$theme"'",' \
    ' "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}' > "$config/settings.json"
  sites "$config" "Company blog" "Shop"
  printf '{"wordpress:company blog": "%s", "wordpress:shop": "x"}' "$WP_PASSWORD" > "$config/secrets.json"
  chmod 600 "$config/secrets.json"
  POSTWRIGHT_CONFIG_DIR=$config "$JAVA" -jar target/postwright.jar --data-dir "$data" > "$WORK/app-publish-$theme.log" 2>&1 &
  local app=$!
  wait_for "$WORK/app-publish-$theme.log" "window shown"
  sleep 2
  xdotool key ctrl+Return
  sleep 4
  xdotool key ctrl+2
  sleep 1
  click 150 185 # the post just saved
  sleep 1
  click 150 860 # Publish… under the list: a new post on the Company blog, published now
  sleep 1
  click 593 420
  click 770 527
  xdotool type --delay 20 "Baking, Bread"
  click 918 682
  sleep 4
  sites "$config" "Shop" "Company blog" # the dialog offers the first site: a site that does not answer
  click 150 860
  sleep 1
  click 918 682
  sleep 2
  edit_on_site
  sites "$config" "Company blog" "Shop"
  click 150 860 # again to the Company blog: an update, refused as the post was edited there
  sleep 2
  shot "$theme-publish-dialog"
  click 949 692 # Publish
  sleep 3
  click 922 849 # the toast's Open outbox
  sleep 2
  shot "$theme-outbox"
  click 119 207 # Replace the site's version… on the refused update
  sleep 1
  shot "$theme-outbox-replace"
  kill "$app"
  wait "$app" 2>/dev/null || true
}

sites_session() { # theme: Settings' WordPress sites card, the Company blog tested against the tests' WordPress
  local theme=$1 config="$WORK/sites-config-$1" data="$WORK/sites-data-$1"
  mkdir -p "$config"
  printf '%s\n' '{"model": {"kind": "offline"}, "workers": 2, "theme": "'"$theme"'",' \
    ' "window": {"x": 0, "y": 0, "width": 1440, "height": 900, "maximized": false}}' > "$config/settings.json"
  sites "$config" "Company blog" "Shop"
  printf '{"wordpress:company blog": "%s"}' "$WP_PASSWORD" > "$config/secrets.json"
  chmod 600 "$config/secrets.json"
  POSTWRIGHT_CONFIG_DIR=$config "$JAVA" -jar target/postwright.jar --data-dir "$data" > "$WORK/app-sites-$theme.log" 2>&1 &
  local app=$!
  wait_for "$WORK/app-sites-$theme.log" "window shown"
  sleep 2
  xdotool key ctrl+3
  sleep 2
  xdotool mousemove 720 500
  for _ in $(seq 1 80); do xdotool click 5; done # down to the sites card
  sleep 1
  click 950 346 # Edit on Company blog
  xdotool mousemove 720 500
  for _ in $(seq 1 5); do xdotool click 5; done
  sleep 1
  click 460 728 # Test connection, with the stored password
  sleep 3
  shot "$theme-settings-sites"
  kill "$app"
  wait "$app" 2>/dev/null || true
}

edit_on_site() { # a writer changes the newest post on the tests' WordPress, through its REST API
  local id
  id=$(curl -sf -u "$WP_USER:$WP_PASSWORD" "$WP_URL/wp-json/wp/v2/posts?status=any&context=edit&per_page=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  curl -sf -u "$WP_USER:$WP_PASSWORD" -X POST -H 'Content-Type: application/json' \
    -d '{"excerpt": "Edited on the site."}' "$WP_URL/wp-json/wp/v2/posts/$id" > /dev/null
}

sites() { # config names…: sites.json with the tests' WordPress first, then a site that does not answer
  local config=$1; shift
  local entries=() name
  for name in "$@"; do
    case $name in
      "Company blog") entries+=("{\"name\": \"Company blog\", \"address\": \"$WP_URL/\", \"user\": \"$WP_USER\"}") ;;
      Shop) entries+=("{\"name\": \"Shop\", \"address\": \"http://127.0.0.1:9/\", \"user\": \"shop\"}") ;;
    esac
  done
  (IFS=,; printf '{"sites": [%s]}' "${entries[*]}") > "$config/sites.json"
}

start_wordpress() { # the tests' WordPress (src/test/wordpress/start.sh), stopped when the script ends
  bash src/test/wordpress/start.sh "$WORK/wp" > "$WORK/wp.log" 2>&1
  trap 'bash src/test/wordpress/stop.sh "$WORK/wp" >/dev/null 2>&1 || true; kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  WP_URL=$(sed -n 's/^url=//p' "$WORK/wp/site.properties")
  WP_USER=$(sed -n 's/^user=//p' "$WORK/wp/site.properties")
  WP_PASSWORD=$(sed -n 's/^applicationPassword=//p' "$WORK/wp/site.properties")
}

if [ -z "${ONLY:-}" ] || [ "${ONLY:-}" = builtin ]; then
  for theme in ${THEMES:-light dark}; do builtin_session "$theme"; done
  [ "${ONLY:-}" = builtin ] && exit 0
fi
if [ -z "${ONLY:-}" ] || [ "${ONLY:-}" = desk ]; then
  for theme in light dark; do session "$theme"; done
  [ "${ONLY:-}" = desk ] && exit 0
  team_session
fi
start_wordpress
[ "${ONLY:-}" = sites ] || for theme in ${THEMES:-light dark}; do publish_session "$theme"; done
[ "${ONLY:-}" = publish ] || for theme in ${THEMES:-light dark}; do sites_session "$theme"; done
