using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class LibZmqLoaderTests
{
    [Test]
    public void AMissingLibraryNamesTheDebianPackageToInstall()
    {
        var error = Assert.Throws<DllNotFoundException>(
            () => LibZmqLoader.Load(["libzmq-missing.so.99", "zmq-missing"], typeof(LibZmqLoader).Assembly));

        Assert.That(error!.Message, Does.StartWith(
            "libzmq.so.5 was not found: install the Debian package libzmq5 (apt-get install libzmq5)"));
        Assert.That(error.Message, Does.Contain("libzmq-missing.so.99, zmq-missing"));
    }

    [Test]
    public void TheInstalledLibraryLoads()
    {
        Assert.That(LibZmqLoader.EnsureLoaded(), Is.Not.EqualTo(IntPtr.Zero));
    }
}
