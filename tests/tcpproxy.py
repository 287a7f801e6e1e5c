"""A loopback TCP proxy for tests: a slow or failing network between two laptops.

``TcpProxy(target_port)`` listens on 127.0.0.1 at a free port and forwards every
connection to ``127.0.0.1:target_port``.  While it runs:

- ``delay`` (seconds) is added to every chunk forwarded, in each direction, so a
  request/answer round trip costs about twice that much more;
- ``cut()`` is a pulled network cable: open connections are reset and new ones are
  refused until ``restore()``; ``cut(silent=True)`` is a firewall that drops packets
  instead: nothing arrives and nothing is answered, connections hang until the
  other side gives up;
- ``restore()`` lets connections through again.

Used as a context manager it stops itself.  Threads only: a test needs no event loop.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from types import TracebackType

_CHUNK = 65536


class TcpProxy:
    def __init__(self, target_port: int, *, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.delay = 0.0
        self._lock = threading.Lock()
        self._cut = False
        self._silent = False
        self._stopped = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._accept, name="tcpproxy", daemon=True)
        self._thread.start()

    # -- the network's state --------------------------------------------------------

    def cut(self, *, silent: bool = False) -> None:
        with self._lock:
            self._cut, self._silent = True, silent
            doomed = [] if silent else list(self._sockets)
        for sock in doomed:
            _reset(sock)

    def restore(self) -> None:
        with self._lock:
            self._cut = self._silent = False

    @property
    def is_cut(self) -> bool:
        return self._cut

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(2)
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            doomed = list(self._sockets)
        for sock in doomed:
            _reset(sock)

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- forwarding -----------------------------------------------------------------

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                cut, silent = self._cut, self._silent
            if cut and not silent:
                _reset(client)
                continue
            if cut and silent:
                # Accepted by the kernel, then nothing ever happens: keep it open.
                self._track(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _reset(client)
                continue
            upstream.settimeout(None)
            with self._lock:
                # Cut while this one was being connected: it goes with the others.
                if self._cut and not self._silent:
                    _reset(client)
                    _reset(upstream)
                    continue
                self._sockets.update((client, upstream))
            self.connections += 1
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self._pump, args=(source, sink), name="tcpproxy-pump", daemon=True
                ).start()

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(_CHUNK)
                if not data:
                    break
                if self.delay:
                    time.sleep(self.delay)
                while self._silent and not self._stopped.is_set():
                    time.sleep(0.02)  # dropped on the floor until restored or reset
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with self._lock:
                    self._sockets.discard(sock)
                with contextlib.suppress(OSError):
                    sock.close()


def _reset(sock: socket.socket) -> None:
    """Close with RST (as a dropped link looks to the peer), not a polite FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    # Wakes a pump blocked in recv() on it: closing alone does not, and the socket (and
    # with it the peer's connection) would live on until the next byte arrives.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)
    with contextlib.suppress(OSError):
        sock.close()
