#!/usr/bin/env bash
# Build the one-folder Linux app with PyInstaller and smoke-test it headless:
#   packaging/package.sh      -> dist/smartdialog/ (run dist/smartdialog/smartdialog)
# The smoke test runs the frozen binary only, in an empty home, without the checkout's
# Python: it makes a demo event, writes its minutes and opens every workspace on it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-"$root/.venv/bin/python"}
cd "$root"
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/smartdialog.spec
built=$(date +%s)
app="$root/dist/smartdialog/smartdialog"

smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
# Nothing of the checkout or the build machine's Python may be needed.
run() {
    (cd "$smoke" && env -i PATH=/usr/bin:/bin HOME="$smoke/home" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$@")
}
run "$app" --version
run "$app" demo "$smoke/demo.sdevent" --participants 120 --ideas 60 --votes >/dev/null
run "$app" minutes "$smoke/demo.sdevent" --out "$smoke/minutes.pdf"
test -s "$smoke/minutes.pdf"
head -c 5 "$smoke/minutes.pdf" | grep -q '%PDF-'
run env SMARTDIALOG_EXIT_AFTER=workspaces "$app" "$smoke/demo.sdevent" 2>"$smoke/stderr" \
    | tee "$smoke/stdout"
grep -q "smoke test: ok" "$smoke/stdout"
# Logs and settings went to the user's folders, not beside the app.
test -s "$smoke/home/.local/share/smartdialog/smartdialog/smartdialog.log"
test -s "$smoke/home/.config/smartdialog/smartdialog.ini"
# Joining a shared event: the frozen app talks to PostgreSQL through its own psycopg.
if command -v psql >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
    db="sd_package_smoke_$$"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
    url="postgresql+psycopg://postgres@127.0.0.1:5432/$db"
    status=0
    run "$app" new "$url" --title "Paketprobe" >/dev/null && run "$app" info "$url" | grep -q Paketprobe || status=$?
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE $db WITH (FORCE)"
    test "$status" = 0
    echo "joined a PostgreSQL event from the frozen app"
else
    echo "no PostgreSQL on 127.0.0.1:5432: the frozen app's database driver was not tried" >&2
fi

echo "package: $(du -sh dist/smartdialog | cut -f1) in dist/smartdialog;" \
    "built in $((built - start)) s, smoke-tested in $(($(date +%s) - built)) s"
