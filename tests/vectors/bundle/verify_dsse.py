#!/usr/bin/env python3
"""Verify a Pandu DSSE envelope with Python's `cryptography`, independently
of the Rust code: recompute DSSE v1's PAE from the envelope and check the
Ed25519 signature with the given public key.

usage: verify_dsse.py ENVELOPE.json SIGN_KEY_BASE64 [FINGERPRINT_HEX]
Exit 0 when the signature verifies (and the fingerprint, if given, is the
SHA-256 of the key); 1 otherwise.
"""
import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def b64(s):
    s = s.replace("-", "+").replace("_", "/")
    return base64.b64decode(s + "=" * (-len(s) % 4), validate=True)


def pae(payload_type, body):
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body)


def main():
    envelope = json.load(open(sys.argv[1], "rb"))
    key_bytes = b64(sys.argv[2])
    if len(sys.argv) > 3 and hashlib.sha256(key_bytes).hexdigest() != sys.argv[3]:
        print("fingerprint does not match the key")
        return 1
    key = Ed25519PublicKey.from_public_bytes(key_bytes)
    body = b64(envelope["payload"])
    message = pae(envelope["payloadType"], body)
    for s in envelope["signatures"]:
        try:
            key.verify(b64(s["sig"]), message)
            manifest = json.loads(body)
            print("verified: %s bundle %s from %s" % (
                manifest["kind"], manifest["id"], manifest["sender"]["fingerprint"]))
            return 0
        except InvalidSignature:
            continue
    print("no signature verifies")
    return 1


if __name__ == "__main__":
    sys.exit(main())
