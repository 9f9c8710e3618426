"""A real SMTP server for the tests (aiosmtpd), keeping each accepted message as a file.

Usage: python3 smtp_server.py PORT FOLDER
It listens on 127.0.0.1, or on the address in SMTP_SINK_HOST (0.0.0.0 in a container other pods send to).
Recipients whose local part starts with "reject" get 550 and those starting with "defer" get 451,
so tests can see how the portal treats permanent and temporary refusals.
"""
import asyncio
import os
import signal
import sys
import time

from aiosmtpd.controller import Controller


class Mailbox:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("defer"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = f"{time.time_ns():020d}-{self.count:06d}.eml"
        partial = os.path.join(self.folder, "." + name)
        with open(partial, "wb") as message:
            message.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            message.write(envelope.original_content)
        os.rename(partial, os.path.join(self.folder, name))
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Mailbox(folder), hostname=os.environ.get("SMTP_SINK_HOST", "127.0.0.1"), port=port)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
