namespace Distlog.Transport;

/// <summary>A libzmq call failed; <see cref="ErrorNumber"/> is libzmq's errno and the message ends with its text.</summary>
sealed class ZmqException : Exception
{
    /// <summary>Creates the exception for <paramref name="errorNumber"/> with a complete message.</summary>
    public ZmqException(int errorNumber, string message)
        : base(message)
    {
        ErrorNumber = errorNumber;
    }

    /// <summary>The errno value libzmq reported (<c>zmq_errno</c>).</summary>
    public int ErrorNumber { get; }

    /// <summary>Creates "<paramref name="action"/>: <c>zmq_strerror</c> text", e.g. "Cannot bind tcp://*:5010: Address already in use".</summary>
    public static ZmqException FromError(int errorNumber, string action) =>
        new(errorNumber, $"{action}: {LibZmq.Describe(errorNumber)}");
}
