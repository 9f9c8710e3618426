"""What deploy/container/smoke.sh needs beyond the shell.

  smoke_support.py pods MANIFESTS IMAGE SERVICES_IP SETTINGS_FILE > pods.yaml
      the ConfigMap and the web and worker Deployments of deploy/kubernetes, made runnable by `podman kube play`: the
      smoke's image, the secrets as plain values (podman has no CloudNativePG secret to read), the database and the
      mail sink at the services pod's address, no HTTP probes (podman does not run them; the smoke polls them itself) and no
      declared ports (podman would publish them on the host)
  smoke_support.py mail MAIL_DIR DELIVERIES_CSV ALLOWED_DUPLICATES
      compares the mail the sink received with the deliveries the database owes, by Message-ID; prints the figures
      as `name=value` lines and exits 1 unless every owed email arrived, nothing else arrived, and no more than
      ALLOWED_DUPLICATES arrived twice (a killed worker may have had one email per SMTP connection accepted by the
      server and not yet recorded as sent: those go again, with the same Message-ID)
"""
import collections
import csv
import email.parser
import hashlib
import os
import sys

import yaml


def pods(manifests, image, services_ip, settings_file):
    settings = dict(line.rstrip("\n").split("=", 1) for line in open(settings_file) if "=" in line)
    documents = []
    configmap = yaml.safe_load(open(os.path.join(manifests, "configmap.yaml")))
    for key, value in settings.items():
        if key.startswith("ConfigMap."):
            configmap["data"][key[len("ConfigMap."):]] = value
    documents.append(configmap)
    for name in ("web-deployment.yaml", "worker-deployment.yaml"):
        deployment = yaml.safe_load(open(os.path.join(manifests, name)))
        spec = deployment["spec"]["template"]["spec"]
        for container in spec["containers"]:
            container["image"] = image
            container["envFrom"] = [source for source in container["envFrom"] if "secretRef" not in source]
            env = [item for item in container.get("env", []) if item["name"] not in ("PGUSER", "PGPASSWORD")]
            for item in env:
                if item["name"] == "ConnectionStrings__Portal":
                    item["value"] = (f"Host={services_ip};Port=5432;Database=reportingportal;Username=portal;"
                                     f"Password={settings['PostgresPassword']}")
            env += [{"name": key[len("Secret."):], "value": value}
                    for key, value in settings.items() if key.startswith("Secret.")]
            container["env"] = env
            # podman publishes a declared port on the host as well; the pods are reached by their own addresses.
            for field in ("readinessProbe", "livenessProbe", "startupProbe", "ports"):
                container.pop(field, None)
            # No database CA here (the stand-in PostgreSQL has no TLS); podman makes an emptyDir a named volume shared
            # by every pod that names it: one name of the smoke's own.
            container["volumeMounts"] = [dict(mount, name=f"reportingportal-smoke-{mount['name']}")
                                         for mount in container.get("volumeMounts", []) if mount["name"] != "db-ca"]
        spec["volumes"] = [dict(volume, name=f"reportingportal-smoke-{volume['name']}")
                           for volume in spec.get("volumes", []) if "secret" not in volume]
        documents.append(deployment)
    yaml.safe_dump_all(documents, sys.stdout, sort_keys=False)


def key_of(message_id):
    """reference.kind.recipienthash@domain; an acknowledgement's recipient is not in the database, so it counts by
    reference and kind (one acknowledgement per report)."""
    local = message_id.strip().strip("<>").split("@", 1)[0]
    parts = local.split(".")
    if len(parts) >= 2 and parts[1] == "acknowledgement":
        return f"{parts[0]}.acknowledgement"
    return local


def mail(mail_dir, deliveries_csv, allowed_duplicates):
    owed = collections.Counter()
    statuses = collections.Counter()
    for row in csv.DictReader(open(deliveries_csv)):
        statuses[row["status"]] += 1
        kind = row["kind"].lower()
        if kind == "acknowledgement":
            owed[f"{row['reference'].lower()}.acknowledgement"] += 1
        else:
            recipient = hashlib.sha256(row["recipient"].lower().encode()).hexdigest()[:12]
            owed[f"{row['reference'].lower()}.{kind}.{recipient}"] += 1
    received = collections.Counter()
    parser = email.parser.BytesHeaderParser()
    for name in os.listdir(mail_dir):
        if name.endswith(".eml"):
            with open(os.path.join(mail_dir, name), "rb") as file:
                received[key_of(parser.parse(file).get("Message-ID", ""))] += 1
    missing = sum(1 for key in owed if key not in received)
    duplicates = sum(count - 1 for count in received.values() if count > 1)
    unexpected = sum(count for key, count in received.items() if key not in owed)
    figures = {
        "owed": sum(owed.values()),
        "owed_sent": statuses.get("Sent", 0),
        "owed_pending": statuses.get("Pending", 0),
        "owed_failed": statuses.get("Failed", 0),
        "received": sum(received.values()),
        "missing": missing,
        "duplicates": duplicates,
        "unexpected": unexpected,
    }
    for name, value in figures.items():
        print(f"{name}={value}")
    return 0 if missing == 0 and duplicates <= int(allowed_duplicates) and unexpected == 0 and figures["owed"] > 0 else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["pods"]:
        pods(*sys.argv[2:6])
    elif sys.argv[1:2] == ["mail"]:
        sys.exit(mail(*sys.argv[2:5]))
    else:
        sys.exit(__doc__)
