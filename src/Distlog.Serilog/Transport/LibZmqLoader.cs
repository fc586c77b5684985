using System.Reflection;
using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>
/// Finds libzmq for the <see cref="LibZmq"/> imports: <c>libzmq.so.5</c> (Debian's libzmq5), then the
/// unversioned names other platforms use. A missing library gives one <see cref="DllNotFoundException"/>
/// that names the package, instead of the runtime's list of probed paths. Thread-safe.
/// </summary>
internal static class LibZmqLoader
{
    /// <summary>The message of the exception for a missing library.</summary>
    public const string MissingMessage =
        "libzmq.so.5 was not found: install the Debian package libzmq5 (apt-get install libzmq5)";

    private static readonly string[] CandidateNames = ["libzmq.so.5", "libzmq.so", "libzmq"];
    private static readonly Lock Gate = new();
    private static nint _handle;
    private static bool _resolverRegistered;

    /// <summary>Loads libzmq now, so that a missing library surfaces here with the clear message.</summary>
    /// <exception cref="DllNotFoundException">No candidate name could be loaded.</exception>
    public static nint EnsureLoaded()
    {
        nint handle = Volatile.Read(ref _handle);
        if (handle != 0)
        {
            return handle;
        }

        lock (Gate)
        {
            if (!_resolverRegistered)
            {
                NativeLibrary.SetDllImportResolver(typeof(LibZmqLoader).Assembly, Resolve);
                _resolverRegistered = true;
            }

            if (_handle == 0)
            {
                Volatile.Write(ref _handle, Load(CandidateNames, typeof(LibZmqLoader).Assembly));
            }

            return _handle;
        }
    }

    /// <summary>Loads the first of <paramref name="candidates"/> that the platform's loader finds.</summary>
    /// <exception cref="DllNotFoundException">None was found; the message names the package to install.</exception>
    internal static nint Load(IReadOnlyList<string> candidates, Assembly assembly)
    {
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath: null, out nint handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException($"{MissingMessage}. Tried: {string.Join(", ", candidates)}.");
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibZmq.LibraryName ? EnsureLoaded() : 0;
}
