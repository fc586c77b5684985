namespace Distlog.Load.Harness;

/// <summary>Starts rsyslogd in the foreground on the template scripts/rsyslog/imczmq-omfile.conf, in a run's folder.</summary>
static class Rsyslog
{
    public const string Daemon = "/usr/sbin/rsyslogd";
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>rsyslogd and its imczmq module (Debian: rsyslog, rsyslog-czmq; scripts/load.sh installs them).</summary>
    public static bool IsInstalled =>
        System.IO.File.Exists(Daemon) &&
        Directory.EnumerateDirectories("/usr/lib").Any(d => System.IO.File.Exists(Path.Combine(d, "rsyslog", "imczmq.so")));

    public static ChildProcess Start(LoadOptions options, string directory, int port, string output)
    {
        var work = Path.Combine(directory, "work");
        Directory.CreateDirectory(work);
        var config = System.IO.File.ReadAllText(Path.Combine(options.RepositoryRoot, "scripts", "rsyslog", "imczmq-omfile.conf"))
            .Replace("@WORKDIR@", work)
            .Replace("@PORT@", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("@OUTPUT@", output);
        var path = Path.Combine(directory, "rsyslog.conf");
        System.IO.File.WriteAllText(path, config);

        return ListeningServer.Start("rsyslogd", Daemon, ["-n", "-f", path, "-i", Path.Combine(directory, "rsyslogd.pid")], directory, port,
            StartTimeout);
    }
}
