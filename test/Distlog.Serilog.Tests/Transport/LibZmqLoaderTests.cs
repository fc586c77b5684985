using System.Runtime.InteropServices;
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
            "libzmq.so.5 was not found: install the Debian package libzmq5 (apt-get install libzmq5"));
        Assert.That(error.Message, Does.Contain("libzmq-missing.so.99, zmq-missing"));
    }

    [Test]
    public void OnWindowsTheLoaderTriesThePlainAndTheVersionedDllNames()
    {
        var names = LibZmqLoader.CandidateNames(OSPlatform.Windows);

        Assert.That(names, Does.Contain("libzmq.dll").And.Contain("libzmq-v143-mt-4_3_5.dll").And.Contain("libzmq-mt-4_3_5.dll"));
        Assert.That(names, Has.None.EndsWith(".so.5").And.None.EndsWith(".dylib"));
        Assert.That(LibZmqLoader.Missing(OSPlatform.Windows), Does.Contain("libzmq.dll").And.Not.Contain("apt-get"));
    }

    [Test]
    public void OnMacOsTheLoaderTriesTheDylibAndHomebrewsPaths()
    {
        var names = LibZmqLoader.CandidateNames(OSPlatform.OSX);

        Assert.That(names, Does.Contain("libzmq.5.dylib").And.Contain("/opt/homebrew/lib/libzmq.5.dylib").And.Contain("/usr/local/lib/libzmq.5.dylib"));
        Assert.That(LibZmqLoader.Missing(OSPlatform.OSX), Does.Contain("brew install zeromq").And.Not.Contain("apt-get"));
    }

    [Test]
    public void ThePathInDistlogLibzmqIsTriedFirst()
    {
        Assert.That(LibZmqLoader.CandidateNames(OSPlatform.Linux, "/opt/zmq/lib/libzmq.so.5")[0], Is.EqualTo("/opt/zmq/lib/libzmq.so.5"));
        Assert.That(LibZmqLoader.CandidateNames(OSPlatform.Linux)[0], Is.EqualTo("libzmq.so.5"));
    }

    [Test]
    public void TheInstalledLibraryLoads()
    {
        Assert.That(LibZmqLoader.EnsureLoaded(), Is.Not.EqualTo(IntPtr.Zero));
        Assert.That(LibZmqLoader.TryEnsureLoaded(out var failure), Is.True, failure);
    }
}
