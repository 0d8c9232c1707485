# Sourced by bench/run.sh and bench/gui/run.sh: a private single-process nginx on 127.0.0.1 serving
# $DATA, with its config, logs and temp folders under $WORK/nginx. Needs NGINX (the binary), DATA,
# WORK and a die() function; sets PORT, NGX, NGINX_PID and BASE_URL. The caller waits until it answers.
start_bench_nginx() {
    PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    NGX="$WORK/nginx"
    mkdir -p "$NGX/logs" "$NGX/tmp"
    {
        echo "daemon off;"
        echo "master_process off;"
        if ((EUID == 0)); then echo "user root;"; fi
        cat <<EOF_CONF
worker_processes 1;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 100000;
    keepalive_timeout 120s;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    types { }
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$PORT;
        root $DATA;
        location / { }
        # The segments scenario: a server that gives each connection 20 MB/s, as mirrors and CDNs do.
        location /seg/ { limit_rate ${BENCH_SEG_RATE:-20m}; }
    }
}
EOF_CONF
    } >"$NGX/nginx.conf"
    "$NGINX" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" -t -q || die "nginx rejected its configuration"
    "$NGINX" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/logs/error.log" &
    NGINX_PID=$!
    BASE_URL="http://127.0.0.1:$PORT"
}
