using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>
/// The part of the libzmq 4.x C API the transport uses (<c>zmq.h</c>). Calls that can fail set
/// <c>SetLastError</c> so errno is captured before the runtime can disturb it; read it with <see cref="LastError"/>.
/// Callers call <see cref="LibZmqLoader.EnsureLoaded"/> first.
/// </summary>
static unsafe partial class LibZmq
{
    /// <summary>The library name the imports use; <see cref="LibZmqLoader"/> resolves it.</summary>
    public const string LibraryName = "libzmq";

    public const int SendDontWait = 1;
    public const int SendMore = 2;
    public const short PollIn = 1;

    public const int RoutingId = 5;
    public const int Subscribe = 6;
    public const int Unsubscribe = 7;
    public const int ReceiveMore = 13;
    public const int Linger = 17;
    public const int ReconnectInterval = 18;
    public const int ReconnectIntervalMax = 21;
    public const int MaxMessageSize = 22;
    public const int SendHighWatermark = 23;
    public const int ReceiveHighWatermark = 24;
    public const int ReceiveTimeout = 27;
    public const int SendTimeout = 28;
    public const int LastEndpoint = 32;
    public const int Immediate = 39;
    public const int CurveServer = 47;
    public const int CurvePublicKey = 48;
    public const int CurveSecretKey = 49;
    public const int CurveServerKey = 50;
    public const int RouterHandover = 56;
    public const int XPubNoDrop = 69;
    public const int ZapDomain = 55;

    // zmq_socket_monitor events (libzmq 4.3, stable API): the first frame is the event (uint16) and a value (uint32).
    public const int EventAccepted = 0x0020;
    public const int EventDisconnected = 0x0200;
    public const int EventMonitorStopped = 0x0400;
    public const int EventHandshakeFailedNoDetail = 0x0800;
    public const int EventHandshakeSucceeded = 0x1000;
    public const int EventHandshakeFailedProtocol = 0x2000;
    public const int EventHandshakeFailedAuth = 0x4000;
    public const int XPubVerboser = 78;

    /// <summary>The size of <c>zmq_msg_t</c> (an opaque 64-byte, pointer-aligned block).</summary>
    public const int MessageSize = 64;

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial nint zmq_ctx_new();

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_ctx_shutdown(nint context);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_ctx_term(nint context);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial nint zmq_socket(nint context, int type);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_close(nint socket);

    [LibraryImport(LibraryName, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_bind(ZmqSocketHandle socket, string endpoint);

    [LibraryImport(LibraryName, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_connect(ZmqSocketHandle socket, string endpoint);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_setsockopt(ZmqSocketHandle socket, int option, void* value, nuint length);

    // For ZmqSocketHandle.ReleaseHandle, which runs when the SafeHandle can no longer be marshalled.
    [LibraryImport(LibraryName, EntryPoint = "zmq_setsockopt", SetLastError = true)]
    public static partial int zmq_setsockopt_raw(nint socket, int option, void* value, nuint length);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_getsockopt(ZmqSocketHandle socket, int option, void* value, nuint* length);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_send(ZmqSocketHandle socket, byte* buffer, nuint length, int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_msg_init(void* message);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_msg_recv(ZmqMessageHandle message, ZmqSocketHandle socket, int flags);

    [LibraryImport(LibraryName)]
    public static partial void* zmq_msg_data(ZmqMessageHandle message);

    [LibraryImport(LibraryName)]
    public static partial nuint zmq_msg_size(ZmqMessageHandle message);

    [LibraryImport(LibraryName)]
    public static partial int zmq_msg_more(ZmqMessageHandle message);

    // Returns a pointer into the connection's metadata, valid while the message is: never let a marshaller free it.
    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial byte* zmq_msg_gets(ZmqMessageHandle message, byte* property);

    [LibraryImport(LibraryName, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int zmq_socket_monitor(ZmqSocketHandle socket, string endpoint, int events);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_msg_close(void* message);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_poll(ZmqPollItem* items, int count, CLong timeout);

    [LibraryImport(LibraryName)]
    public static partial int zmq_errno();

    // Returns a pointer to a static string: never let a marshaller free it.
    [LibraryImport(LibraryName)]
    public static partial nint zmq_strerror(int error);

    [LibraryImport(LibraryName)]
    public static partial void zmq_version(int* major, int* minor, int* patch);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_curve_keypair(byte* z85PublicKey, byte* z85SecretKey);

    [LibraryImport(LibraryName, SetLastError = true)]
    public static partial int zmq_curve_public(byte* z85PublicKey, byte* z85SecretKey);

    /// <summary>The errno of the last failed call on this thread.</summary>
    public static int LastError() =>
        // On Windows libzmq sets the C runtime's errno, which SetLastError does not capture.
        OperatingSystem.IsWindows() ? zmq_errno() : Marshal.GetLastPInvokeError();

    /// <summary><c>zmq_strerror</c> text for <paramref name="error"/>.</summary>
    public static string Describe(int error) =>
        Marshal.PtrToStringUTF8(zmq_strerror(error)) ?? $"error {error}";
}
