# Installs (when missing) and starts the local PostgreSQL and RabbitMQ servers, idempotently, without systemd.
# Sourced by ./hub; expects HUB_DB_USER, HUB_DB_PASSWORD, HUB_MQ_USER, HUB_MQ_PASSWORD.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
    as_root apt-get update >/dev/null
    as_root apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  }
}

start_postgres() {
  apt_install postgresql postgresql-contrib
  local version cluster
  version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
    as_root pg_createcluster "$version" main >/dev/null
    cluster=main
  fi
  if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    as_root runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
    sleep 1
  done
  as_root runuser -u postgres -- psql -qAt -v ON_ERROR_STOP=1 <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${HUB_DB_USER}') THEN
    CREATE ROLE "${HUB_DB_USER}" LOGIN CREATEDB PASSWORD '${HUB_DB_PASSWORD}';
  END IF;
END \$\$;
SQL
  # Raise the connection ceiling once: two hubs of seven processes plus parallel tests need more than 100.
  local max
  max=$(as_root runuser -u postgres -- psql -qAt -c 'SHOW max_connections')
  if [ "$max" -lt 400 ]; then
    as_root runuser -u postgres -- psql -qAt -c 'ALTER SYSTEM SET max_connections = 400' >/dev/null
    as_root pg_ctlcluster "$version" "$cluster" restart
  fi
}

ensure_database() {
  local db=$1
  as_root runuser -u postgres -- psql -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 ||
    as_root runuser -u postgres -- psql -q -c "CREATE DATABASE \"$db\" OWNER \"${HUB_DB_USER}\" ENCODING 'UTF8' TEMPLATE template0" >/dev/null
}

start_rabbitmq() {
  apt_install rabbitmq-server
  if ! as_root rabbitmqctl -q status >/dev/null 2>&1; then
    as_root rabbitmq-plugins -q --offline enable rabbitmq_management >/dev/null
    as_root /etc/init.d/rabbitmq-server start >/dev/null
  fi
  as_root rabbitmqctl -q await_startup
  as_root rabbitmq-plugins -q is_enabled rabbitmq_management >/dev/null 2>&1 ||
    as_root rabbitmq-plugins -q enable rabbitmq_management >/dev/null
  if ! as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$HUB_MQ_USER"; then
    as_root rabbitmqctl -q add_user "$HUB_MQ_USER" "$HUB_MQ_PASSWORD" >/dev/null
  fi
  as_root rabbitmqctl -q set_user_tags "$HUB_MQ_USER" administrator >/dev/null
  for _ in $(seq 1 30); do
    curl -fsS -u "$HUB_MQ_USER:$HUB_MQ_PASSWORD" http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && break
    sleep 1
  done
}

ensure_vhost() {
  local vhost=$1
  as_root rabbitmqctl -q list_vhosts | grep -qx "$vhost" || as_root rabbitmqctl -q add_vhost "$vhost" >/dev/null
  as_root rabbitmqctl -q set_permissions -p "$vhost" "$HUB_MQ_USER" '.*' '.*' '.*' >/dev/null
}

start_servers() {
  start_postgres
  start_rabbitmq
}
