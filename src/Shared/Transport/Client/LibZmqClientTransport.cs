namespace Distlog.Transport;

/// <summary>Client sockets on the native libzmq, in a context of their own (or the process-wide one).</summary>
sealed class LibZmqClientTransport : IClientTransport
{
    readonly ZmqContext _context;

    /// <summary>Creates a context; <paramref name="shared"/> uses <see cref="ZmqContext.Shared"/>, which is never terminated.</summary>
    /// <exception cref="DllNotFoundException">libzmq is not installed; the message says how to install it.</exception>
    public LibZmqClientTransport(bool shared = false)
    {
        _context = shared ? ZmqContext.Shared : new ZmqContext();
        Name = $"libzmq {ZmqContext.LibraryVersion}";
    }

    public string Name { get; }

    public IClientSocket CreateSocket(ZmqSocketType type) => new LibZmqClientSocket(_context.CreateSocket(type));

    /// <summary>Terminates the context, which waits up to each closed socket's linger.</summary>
    public void Dispose() => _context.Dispose();
}
