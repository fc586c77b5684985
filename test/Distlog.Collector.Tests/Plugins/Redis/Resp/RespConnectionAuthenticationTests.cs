using Distlog.Collector.Plugins.Redis.Resp;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins.Redis.Resp;

sealed class RespConnectionAuthenticationTests
{
    const string Password = "s3cret pass";
    RedisServer _server = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = RedisServer.Start(Password);

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public void CommandsBeforeAuthenticationAreRefusedWithNoAuth()
    {
        using var connection = RespConnection.Connect(_server.Endpoint);

        var error = Assert.Throws<RedisServerException>(() => connection.Execute("PING"))!;

        Assert.That(error.ErrorCode, Is.EqualTo("NOAUTH"));
    }

    [Test]
    public void TheRightPasswordAllowsCommands()
    {
        using var connection = RespConnection.Connect(_server.Endpoint);

        connection.Authenticate(null, Password);

        Assert.That(connection.Execute("PING").Text, Is.EqualTo("PONG"));
    }

    [Test]
    public void AWrongPasswordFailsWithAMessageNamingTheServerAndTheCredentials()
    {
        using var connection = RespConnection.Connect(_server.Endpoint);

        var error = Assert.Throws<RedisServerException>(() => connection.Authenticate(null, "wrong"))!;

        Assert.That(error.ErrorCode, Is.EqualTo("WRONGPASS"));
        Assert.That(error.Message, Does.StartWith($"Redis at {_server.Endpoint} refused the credentials"));
        Assert.That(error.Message, Does.Contain("username and password"));
    }

    [Test]
    public void AnAclUserAuthenticatesWithUsernameAndPassword()
    {
        using (var admin = _server.Connect())
            admin.Execute("ACL", "SETUSER", "writer", "on", ">writer-pass", "~*", "+@all");
        using var connection = RespConnection.Connect(_server.Endpoint);

        connection.Authenticate("writer", "writer-pass");

        Assert.That(connection.Execute("ACL", "WHOAMI").AsString(), Is.EqualTo("writer"));
    }

    [Test]
    public void AnAclUserWithAWrongPasswordIsRefused()
    {
        using var connection = RespConnection.Connect(_server.Endpoint);

        var error = Assert.Throws<RedisServerException>(() => connection.Authenticate("nobody", Password))!;

        Assert.That(error.ErrorCode, Is.EqualTo("WRONGPASS"));
    }
}
