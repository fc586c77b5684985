using System.Net;
using System.Net.Sockets;
using System.Text;
using Distlog.Collector.Plugins.Redis.Resp;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins.Redis.Resp;

sealed class RespConnectionTests
{
    RedisServer _server = null!;
    RespConnection _connection = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = RedisServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [SetUp]
    public void Connect() => _connection = _server.Connect();

    [TearDown]
    public void Disconnect() => _connection.Dispose();

    [Test]
    public void PingIsAnsweredWithPong()
    {
        var reply = _connection.Execute("PING");

        Assert.That(reply.Kind, Is.EqualTo(RespKind.SimpleString));
        Assert.That(reply.Text, Is.EqualTo("PONG"));
    }

    [Test]
    public void Utf8TextSetIsTheTextGot()
    {
        const string text = "Grüße, 世界 🌍 \r\n$5\r\n*1 \"quoted\"";
        var key = NewKey();

        Assert.That(_connection.Execute("SET", key, text).Text, Is.EqualTo("OK"));
        var reply = _connection.Execute("GET", key);

        Assert.That(reply.Kind, Is.EqualTo(RespKind.BulkString));
        Assert.That(reply.AsString(), Is.EqualTo(text));
    }

    [Test]
    public void BinaryValuesRoundTripByteForByte()
    {
        var value = new byte[70_000];
        for (var i = 0; i < value.Length; i++)
            value[i] = (byte)(i * 7);
        var key = Encoding.UTF8.GetBytes(NewKey());

        _connection.Writer.WriteArrayHeader(3);
        _connection.Writer.WriteArgument("SET"u8);
        _connection.Writer.WriteArgument(key);
        _connection.Writer.WriteArgument(value);
        _connection.Writer.WriteArrayHeader(2);
        _connection.Writer.WriteArgument("GET"u8);
        _connection.Writer.WriteArgument(key);
        _connection.Flush();

        Assert.That(_connection.Reader.Read().Text, Is.EqualTo("OK"));
        Assert.That(_connection.Reader.Read().Bytes, Is.EqualTo(value));
    }

    [Test]
    public void GetOfAMissingKeyIsNull()
    {
        Assert.That(_connection.Execute("GET", NewKey()).Kind, Is.EqualTo(RespKind.Null));
    }

    [Test]
    public void TenThousandPipelinedCommandsAreAnsweredInOrder()
    {
        const int count = 10_000;
        var key = NewKey();

        for (var i = 0; i < count; i++)
        {
            _connection.Writer.WriteArrayHeader(2);
            _connection.Writer.WriteArgument("INCR");
            _connection.Writer.WriteArgument(key);
        }

        _connection.Flush();

        for (var i = 1; i <= count; i++)
        {
            var reply = _connection.Reader.Read();
            Assert.That(reply.Kind, Is.EqualTo(RespKind.Integer));
            Assert.That(reply.Integer, Is.EqualTo(i));
        }

        Assert.That(_connection.Execute("GET", key).AsString(), Is.EqualTo("10000"));
    }

    [Test]
    public void AnErrorReplySurfacesRedisMessageAndTheConnectionStaysUsable()
    {
        var key = NewKey();
        _connection.Execute("SET", key, "not a number");

        var error = Assert.Throws<RedisServerException>(() => _connection.Execute("INCR", key))!;

        Assert.That(error.ServerMessage, Is.EqualTo("ERR value is not an integer or out of range"));
        Assert.That(error.ErrorCode, Is.EqualTo("ERR"));
        Assert.That(error.Message, Does.Contain("ERR value is not an integer or out of range"));
        Assert.That(_connection.Execute("PING").Text, Is.EqualTo("PONG"));
    }

    [Test]
    public void NestedArraysIntegersAndNullsAreParsed()
    {
        var reply = _connection.Execute("EVAL", "return {1, {2, {'three'}}, -4, false}", "0");

        Assert.That(reply.ToString(), Is.EqualTo("[1, [2, [three]], -4, (nil)]"));
        Assert.That(reply.Items[1].Items[1].Items[0].Kind, Is.EqualTo(RespKind.BulkString));
        Assert.That(reply.Items[3].Kind, Is.EqualTo(RespKind.Null));
    }

    [Test]
    public void SkipDiscardsRepliesAndReturnsOnlyErrors()
    {
        var key = NewKey();
        _connection.Writer.WriteCommand("RPUSH", key, "a", "b");
        _connection.Writer.WriteCommand("LRANGE", key, "0", "-1");
        _connection.Writer.WriteCommand("GET", key);
        _connection.Writer.WriteCommand("PING");
        _connection.Flush();

        Assert.That(_connection.Reader.Skip(), Is.Null);
        Assert.That(_connection.Reader.Skip(), Is.Null);
        Assert.That(_connection.Reader.Skip(), Does.StartWith("WRONGTYPE"));
        Assert.That(_connection.Reader.Read().Text, Is.EqualTo("PONG"));
    }

    [Test]
    public void SelectSwitchesToAnotherDatabase()
    {
        var key = NewKey();
        _connection.Select(3);
        _connection.Execute("SET", key, "in three");

        using var other = _server.Connect();
        Assert.That(other.Execute("GET", key).Kind, Is.EqualTo(RespKind.Null));
        other.Select(3);
        Assert.That(other.Execute("GET", key).AsString(), Is.EqualTo("in three"));
    }

    [Test]
    public void SelectOfADatabasePastTheServersCountFailsNamingIt()
    {
        var error = Assert.Throws<RedisServerException>(() => _connection.Select(99))!;

        Assert.That(error.Message, Does.Contain("database 99").And.Contain("ERR"));
    }

    [Test]
    public void ConnectingWhereNothingListensFailsNamingTheAddress()
    {
        var endpoint = new RedisEndpoint("127.0.0.1", ClosedPort());

        var error = Assert.Throws<RedisConnectionException>(() => RespConnection.Connect(endpoint))!;

        Assert.That(error.Message, Does.Contain($"Could not connect to Redis at {endpoint}").And.Contain("refused"));
    }

    [Test]
    public void ConnectingToAServerThatNeverAnswersFailsAtTheTimeoutNamingIt()
    {
        // A listener that never accepts, its backlog full: the kernel drops further SYNs, and a connect hangs.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            while (fillers.Count < 16)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                if (!filler.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(300)))
                    break;
            }
            Assume.That(fillers.Count, Is.LessThan(16), "the backlog never filled");

            var endpoint = new RedisEndpoint("127.0.0.1", port);
            var error = Assert.Throws<RedisConnectionException>(() => RespConnection.Connect(endpoint, TimeSpan.FromMilliseconds(300)))!;

            Assert.That(error.Message, Does.StartWith($"Could not connect to Redis at {endpoint} within 0.3 s"));
        }
        finally
        {
            foreach (var filler in fillers)
                filler.Dispose();
        }
    }

    [Test]
    public void TheSocketIsBlockingUnderneathSoRepliesAreReadWithoutTheThreadPool()
    {
        using var connection = RespConnection.Connect(_server.Endpoint);
        Assert.That(connection.Execute("PING").AsString(), Is.EqualTo("PONG"));

        // After any asynchronous operation .NET keeps the descriptor O_NONBLOCK and waits through epoll and the
        // thread pool; Socket.Blocking would still say true, so ask the kernel (Linux: /proc/self/fdinfo).
        var fd = connection.SocketHandle.DangerousGetHandle();
        var flags = File.ReadLines($"/proc/self/fdinfo/{fd}").Single(line => line.StartsWith("flags:", StringComparison.Ordinal));
        const int NonBlocking = 0x800; // O_NONBLOCK, 04000 octal
        Assert.That(Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & NonBlocking, Is.Zero, flags);
    }

    [Test]
    public void AHostNameIsResolvedAndEachOfItsAddressesTried()
    {
        // localhost may resolve to ::1 before 127.0.0.1; the server listens on 127.0.0.1 only.
        using var connection = RespConnection.Connect(new RedisEndpoint("localhost", _server.Endpoint.Port));

        Assert.That(connection.Execute("PING").AsString(), Is.EqualTo("PONG"));
    }

    [Test]
    public void TheServerGoingAwayIsAConnectionErrorNotAHang()
    {
        using var victim = _server.Connect();
        var id = victim.Execute("CLIENT", "ID").Integer;
        _connection.Execute("CLIENT", "KILL", "ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Throws<RedisConnectionException>(() => victim.Execute("PING"))!;

        Assert.That(error.Message, Does.StartWith($"Lost the connection to Redis at {_server.Endpoint}"));
    }

    static string NewKey() => $"test:{Guid.NewGuid():N}";

    static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
