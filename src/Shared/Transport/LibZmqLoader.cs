using System.Reflection;
using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>
/// Finds libzmq for the <see cref="LibZmq"/> imports, under the names it has on this platform (<see cref="CandidateNames"/>):
/// <c>libzmq.so.5</c> on Linux, <c>libzmq.5.dylib</c> and Homebrew's or MacPorts' paths on macOS, <c>libzmq.dll</c> and the
/// versioned names of the official and vcpkg builds on Windows; first of all the path in <c>DISTLOG_LIBZMQ</c>, where set.
/// A missing library gives one <see cref="DllNotFoundException"/> that says how to install it, instead of the runtime's
/// list of probed paths. Thread-safe.
/// </summary>
static class LibZmqLoader
{
    /// <summary>The environment variable that names the libzmq to load (a path or a file name), tried before the usual names.</summary>
    public const string PathVariable = "DISTLOG_LIBZMQ";

    static readonly Lock Gate = new();
    static nint _handle;
    static string? _failure;
    static bool _resolverRegistered;

    /// <summary>How to install libzmq on this platform, the first words of the exception for a missing library.</summary>
    public static string MissingMessage => Missing(CurrentPlatform());

    /// <summary>Loads libzmq now, so that a missing library surfaces here with the clear message.</summary>
    /// <exception cref="DllNotFoundException">No candidate name could be loaded.</exception>
    public static nint EnsureLoaded() =>
        TryEnsureLoaded(out string failure) ? Volatile.Read(ref _handle) : throw new DllNotFoundException(failure);

    /// <summary>Loads libzmq now unless it is loaded; false, with the message of the failure, where no candidate loads.
    /// The outcome is kept: a library missing at the first attempt is not looked for again.</summary>
    public static bool TryEnsureLoaded(out string failure)
    {
        failure = "";
        if (Volatile.Read(ref _handle) != 0)
        {
            return true;
        }

        lock (Gate)
        {
            if (!_resolverRegistered)
            {
                NativeLibrary.SetDllImportResolver(typeof(LibZmqLoader).Assembly, Resolve);
                _resolverRegistered = true;
            }

            if (_handle == 0 && _failure is null)
            {
                try
                {
                    Volatile.Write(ref _handle, Load(CandidateNames(CurrentPlatform(), Environment.GetEnvironmentVariable(PathVariable)),
                        typeof(LibZmqLoader).Assembly));
                }
                catch (DllNotFoundException ex)
                {
                    _failure = ex.Message;
                }
            }

            failure = _failure ?? "";
            return _handle != 0;
        }
    }

    /// <summary>The names libzmq 4.x has on <paramref name="platform"/>, most likely first, after <paramref name="configured"/>
    /// (the value of <see cref="PathVariable"/>) where given.</summary>
    internal static IReadOnlyList<string> CandidateNames(OSPlatform platform, string? configured = null)
    {
        string[] names = platform == OSPlatform.Windows
            // The official and vcpkg builds name the DLL after the toolset and version; plain libzmq.dll where renamed.
            ? ["libzmq.dll", "libzmq-mt-4_3_5.dll", "libzmq-v143-mt-4_3_5.dll", "libzmq-v142-mt-4_3_5.dll", "libzmq-v141-mt-4_3_5.dll",
                "libzmq-mt-4_3_4.dll", "libzmq-v142-mt-4_3_4.dll", "libzmq-v141-mt-4_3_4.dll", "libzmq-v140-mt-4_3_4.dll"]
            : platform == OSPlatform.OSX
                // Homebrew's prefix differs on Apple silicon and Intel; a process started outside a shell may not search it.
                ? ["libzmq.5.dylib", "libzmq.dylib", "/opt/homebrew/lib/libzmq.5.dylib", "/usr/local/lib/libzmq.5.dylib",
                    "/opt/local/lib/libzmq.5.dylib"]
                : ["libzmq.so.5", "libzmq.so"];
        return string.IsNullOrWhiteSpace(configured) ? names : [configured, .. names];
    }

    /// <summary>Loads the first of <paramref name="candidates"/> that the platform's loader finds.</summary>
    /// <exception cref="DllNotFoundException">None was found; the message says how to install libzmq.</exception>
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

    internal static string Missing(OSPlatform platform) =>
        platform == OSPlatform.Windows
            ? "libzmq was not found: put libzmq.dll (or libzmq-v143-mt-4_3_5.dll from the libzmq release, or vcpkg install zeromq) " +
                "beside the application or on PATH, or set DISTLOG_LIBZMQ to its path"
            : platform == OSPlatform.OSX
                ? "libzmq was not found: install it with Homebrew (brew install zeromq) or MacPorts (port install zmq), or set DISTLOG_LIBZMQ to its path"
                : "libzmq.so.5 was not found: install the Debian package libzmq5 (apt-get install libzmq5; " +
                    "on Fedora dnf install zeromq, on Alpine apk add libzmq), or set DISTLOG_LIBZMQ to its path";

    static OSPlatform CurrentPlatform() =>
        OperatingSystem.IsWindows() ? OSPlatform.Windows : OperatingSystem.IsMacOS() ? OSPlatform.OSX : OSPlatform.Linux;

    static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibZmq.LibraryName ? EnsureLoaded() : 0;
}
