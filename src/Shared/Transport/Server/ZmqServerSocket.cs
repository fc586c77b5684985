using System.Text;

namespace Distlog.Transport;

/// <summary>
/// The listening side of <see cref="ZmqSocket"/>: binding, the options only a collector sets, and connection events.
/// Compiled into distlogd and the tests that stand in for it, not into the library, whose sockets only connect.
/// </summary>
static unsafe class ZmqServerSocket
{
    extension(ZmqSocket socket)
    {
        /// <summary>Binds to <paramref name="endpoint"/>; <c>tcp://127.0.0.1:*</c> picks a free port (see <see cref="ZmqSocket.LastEndpoint"/>).</summary>
        /// <exception cref="ZmqException">E.g. "Cannot bind tcp://*:5010: Address already in use".</exception>
        public void Bind(string endpoint)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
            socket.ThrowIfDisposed();
            if (LibZmq.zmq_bind(socket.Handle, endpoint) != 0)
            {
                throw socket.EndpointFailure(LibZmq.LastError(), "bind", endpoint);
            }
        }

        /// <summary>Largest inbound message in bytes (<c>ZMQ_MAXMSGSIZE</c>, default -1 = none). libzmq drops the whole
        /// connection on a larger one, and the messages behind it: prefer checking sizes where one message can be dropped.</summary>
        public long MaxMessageSize
        {
            get => socket.GetInt64(LibZmq.MaxMessageSize);
            set => socket.SetInt64(LibZmq.MaxMessageSize, value, "ZMQ_MAXMSGSIZE");
        }

        /// <summary>On a <see cref="ZmqSocketType.Router"/>, a new connection with a routing id already in use takes it over
        /// (<c>ZMQ_ROUTER_HANDOVER</c>, default false: the new one would be refused while the old one looks alive).</summary>
        public bool RouterHandover
        {
            set => socket.SetInt32(LibZmq.RouterHandover, value ? 1 : 0, "ZMQ_ROUTER_HANDOVER");
        }

        /// <summary>On an <see cref="ZmqSocketType.XPub"/>, a send that would pass a subscriber's high-water mark fails with
        /// EAGAIN (<see cref="ZmqSocket.TrySend"/> false with dontWait) instead of being dropped silently (<c>ZMQ_XPUB_NODROP</c>).</summary>
        public bool XPubNoDrop
        {
            set => socket.SetInt32(LibZmq.XPubNoDrop, value ? 1 : 0, "ZMQ_XPUB_NODROP");
        }

        /// <summary>On an <see cref="ZmqSocketType.XPub"/> socket, hand every subscription and unsubscription to the reader,
        /// duplicates included (<c>ZMQ_XPUB_VERBOSER</c>); by default only the first subscription to a prefix and the last
        /// unsubscription. Write-only in libzmq.</summary>
        public void ReportEverySubscription(bool on = true) => socket.SetInt32(LibZmq.XPubVerboser, on ? 1 : 0, "ZMQ_XPUB_VERBOSER");

        /// <summary>Makes this socket a CURVE server with its Z85 secret key (40 characters). Set before binding.
        /// Without a ZAP handler libzmq admits every client that knows the server's public key.</summary>
        public void SetCurveServer(string secretKey)
        {
            socket.SetInt32(LibZmq.CurveServer, 1, "ZMQ_CURVE_SERVER");
            socket.SetCurveKey(LibZmq.CurveSecretKey, secretKey, nameof(secretKey));
        }

        /// <summary>
        /// The ZAP domain (<c>ZMQ_ZAP_DOMAIN</c>, default empty) this socket's handshakes are authenticated in: it reaches the
        /// ZAP handler in every request, so that one handler can hold several allow-lists. Set before binding.
        /// </summary>
        public string ZapDomain
        {
            get
            {
                socket.ThrowIfDisposed();
                Span<byte> buffer = stackalloc byte[256];
                nuint length = (nuint)buffer.Length;
                fixed (byte* value = buffer)
                {
                    socket.Check(LibZmq.zmq_getsockopt(socket.Handle, LibZmq.ZapDomain, value, &length), "Cannot read ZMQ_ZAP_DOMAIN");
                }

                return Encoding.UTF8.GetString(buffer[..Math.Max(0, (int)length - 1)]);
            }

            set
            {
                ArgumentNullException.ThrowIfNull(value);
                socket.SetBytes(LibZmq.ZapDomain, Encoding.UTF8.GetBytes(value), "Cannot set ZMQ_ZAP_DOMAIN");
            }
        }

        /// <summary>
        /// Publishes this socket's connection events (<c>zmq_socket_monitor</c>) on a PAIR socket bound at the inproc
        /// <paramref name="endpoint"/>; <paramref name="events"/> is a mask of <c>LibZmq.Event*</c>. Connect the reading
        /// <see cref="ZmqSocketType.Pair"/> before this socket binds: events sent while nobody reads are lost.
        /// </summary>
        public void Monitor(string endpoint, int events)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
            socket.ThrowIfDisposed();
            if (LibZmq.zmq_socket_monitor(socket.Handle, endpoint, events) != 0)
            {
                throw socket.Failure(LibZmq.LastError(), $"Cannot monitor the socket on {endpoint}");
            }
        }
    }
}
