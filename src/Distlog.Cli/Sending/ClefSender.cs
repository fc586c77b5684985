using System.Globalization;
using System.Text;
using Distlog.Cli.Input;
using Distlog.Transport;

namespace Distlog.Cli.Sending;

/// <summary>
/// Sends CLEF lines to a collector as the sink does: PUSH, two frames per message (topic, then lines joined by
/// <c>\n</c>), the original bytes of each valid line. A message that no collector takes within the timeout fails
/// the send; before returning, the transport is disposed, which waits up to the linger for the last messages to leave.
/// One instance sends once, on the calling thread.
/// </summary>
sealed class ClefSender
{
    readonly SendOptions _options;
    readonly TextWriter _error;

    /// <summary>Creates a sender; <c>--invalid-data report</c> lines go to <paramref name="error"/>.</summary>
    public ClefSender(SendOptions options, TextWriter error)
    {
        _options = options;
        _error = error;
    }

    /// <summary>Reads <paramref name="input"/> to its end and sends every valid event. Lines before a bad line in
    /// <see cref="InvalidDataMode.Fail"/> mode have already been sent when it throws.</summary>
    public SendResult Send(Stream input, string sourceName, CancellationToken cancellationToken = default)
    {
        var reader = new ClefEventReader(_options.InvalidData, _error, sourceName);
        var topic = Encoding.ASCII.GetBytes(_options.Topic);
        var batch = new MemoryStream();
        int batchEvents = 0;
        long events = 0, messages = 0;

        using var transport = CliTransport.Open(waitOnDispose: true);
        using (var socket = transport.CreateSocket(ZmqSocketType.Push))
        {
            // Immediate: queue only on a finished connection, so a missing collector shows as a send timeout.
            socket.Immediate = true;
            socket.SendTimeout = _options.Timeout;
            socket.Linger = _options.Timeout;
            Connect(socket);

            foreach (var record in reader.Read(input))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (batchEvents > 0 && (batchEvents >= _options.MaxBatchEvents || batch.Length + 1 + record.Clef.Length > _options.MaxBatchBytes))
                {
                    Flush(socket, topic, batch);
                    messages++;
                    batchEvents = 0;
                }

                if (batchEvents > 0)
                    batch.WriteByte((byte)'\n');
                batch.Write(record.Clef.Span);
                batchEvents++;
                events++;
            }

            if (batchEvents > 0)
            {
                Flush(socket, topic, batch);
                messages++;
            }
        }

        return new SendResult(events, messages, reader.InvalidLines);
    }

    void Connect(IClientSocket socket)
    {
        try
        {
            _options.Curve?.ApplyTo(socket);
            socket.Connect(_options.Endpoint);
        }
        catch (ZmqException ex)
        {
            throw new CliException($"cannot connect to '{_options.Endpoint}': {ex.Message}", ExitCodes.Failure, ex);
        }
    }

    void Flush(IClientSocket socket, byte[] topic, MemoryStream batch)
    {
        var payload = batch.GetBuffer().AsSpan(0, (int)batch.Length);
        if (!socket.TrySend(topic, more: true) || !socket.TrySend(payload))
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture,
                $"could not deliver to {_options.Endpoint} within {_options.Timeout.TotalSeconds:0.#} s: no collector took the events (is distlogd running? --endpoint, --timeout)"));
        }

        batch.SetLength(0);
    }
}
