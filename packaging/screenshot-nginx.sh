# Sourced by the take-*screenshot.sh scripts: a rate-limited nginx on 127.0.0.1 serving $work/www, with
# its pid, logs and temp folders in $work (whose EXIT trap stops it through $work/nginx.pid).
#   start_screenshot_nginx RATE EXTRA_LOCATION    e.g. 900k 'location /gone/ { return 404; }'
# Sets port.
start_screenshot_nginx() {
    port=$((20000 + RANDOM % 20000))
    local user=""
    [ "$(id -u)" -eq 0 ] && user="user root;"
    cat > "$work/nginx.conf" <<CONF
daemon off; master_process off; $user
error_log $work/error.log; pid $work/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/t1; proxy_temp_path $work/t2; fastcgi_temp_path $work/t3;
  uwsgi_temp_path $work/t4; scgi_temp_path $work/t5;
  server { listen 127.0.0.1:$port; root $work/www; location / { limit_rate $1; } $2 }
}
CONF
    /usr/sbin/nginx -c "$work/nginx.conf" &
}
