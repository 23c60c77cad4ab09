# shellcheck shell=bash
# Sourced by the scripts that start services on loopback (stack.sh, compose-smoke.sh).

# A TCP port free on 127.0.0.1 right now, asked of the kernel (bind to port 0). Uses the
# caller's $python when it has one (the backend's virtualenv), else python3.
free_port() {
    "${python:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
