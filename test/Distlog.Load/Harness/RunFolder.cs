namespace Distlog.Load.Harness;

/// <summary>A fresh folder for one run's config, logs and stores, deleted afterwards unless --keep.</summary>
sealed class RunFolder : IDisposable
{
    readonly bool _keep;

    public RunFolder(LoadOptions options, string name)
    {
        _keep = options.Keep;
        Path = System.IO.Path.Combine(options.WorkRoot, name);
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (!_keep && Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
