#!/usr/bin/env python3
"""Writes the secrets file of a hub that ./hub up runs (HUB_SECRETS), beside the others in one folder.

usage: hub-secrets.py HUB_FILE FOLDER PROCESS...

The hub file (deploy/hubs/<hub>.json) holds no secret. This file gives the processes of the hub on this machine:
the connection strings of its processes with a database (hub_<hub>_<process> on the local server, as HUB_DB_USER and
HUB_DB_PASSWORD say), the broker's user and password (HUB_MQ_USER, HUB_MQ_PASSWORD), the key the hub signs its tokens
with, the secret its console's key ring is encrypted under, and the secret it shares with each partner hub named in its
file. The key and the secrets are made once per installation, at random, and kept in FOLDER/keys: the same secret for
both hubs of a pair, the same from one run to the next. Every file is readable by its owner only.
"""
import json
import os
import secrets
import sys


def kept(folder, name):
    """A random secret made the first time it is asked for and read back every time after."""
    path = os.path.join(folder, "keys", name)
    if os.path.exists(path):
        with open(path) as file:
            secret = file.read().strip()
        if secret:
            return secret
    secret = secrets.token_urlsafe(48)
    with open(path, "w") as file:
        file.write(secret)
    return secret


def value(text):
    """A connection string value, quoted when it holds a separator or a quote."""
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"=\'') else text


def main(hub_file, folder, *processes):
    os.umask(0o077)
    os.makedirs(os.path.join(folder, "keys"), exist_ok=True)
    with open(hub_file) as file:
        hub = json.load(file)
    hub_id = hub["Hub"]["Id"].lower()
    user, password = os.environ.get("HUB_DB_USER", "hub"), os.environ.get("HUB_DB_PASSWORD", "hub")
    document = {
        "ConnectionStrings": {
            process: f"Host=127.0.0.1;Port=5432;Database=hub_{hub_id}_{process.lower()};"
                     f"Username={value(user)};Password={value(password)};SSL Mode=Disable"
            for process in processes
        },
        "Messaging": {"Username": os.environ.get("HUB_MQ_USER", "hub"), "Password": os.environ.get("HUB_MQ_PASSWORD", "hub")},
        "Security": {"SigningKey": kept(folder, f"{hub_id}-signing-key")},
        "Console": {"KeyRing": {"Secret": kept(folder, f"{hub_id}-console-key-ring")}},
        "Partners": {
            partner: {"Secret": kept(folder, "partners-" + "-".join(sorted([hub_id, partner.lower()])))}
            for partner in hub.get("Partners", {})
        },
    }
    path = os.path.join(folder, f"{hub_id}.json")
    with open(path + ".new", "w") as file:
        json.dump(document, file, indent=2)
    os.replace(path + ".new", path)
    print(path)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
