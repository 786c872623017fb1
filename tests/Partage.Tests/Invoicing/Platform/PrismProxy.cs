using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Partage.Tests.Invoicing.Platform;

/// <summary>
/// Prism (@stoplight/prism-cli, installed by test.sh in tests/validators with its one patch) as a validating
/// proxy: it checks each request against an official AFNOR OpenAPI file, answers 422 without
/// forwarding one that does not conform (--errors), forwards the rest to the scripted platform and
/// checks its answers too. Everything it reports is kept in <see cref="Output"/>.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private readonly Process process;

    private PrismProxy(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>The lines where Prism reported a request or an answer that does not conform to the specification.</summary>
    public IReadOnlyList<string> Violations => [.. Output.Where(l => l.Contains("Violation", StringComparison.OrdinalIgnoreCase) || l.Contains("not valid", StringComparison.OrdinalIgnoreCase) || l.Contains("✖", StringComparison.Ordinal))];

    public static string Root { get; } = Path.Combine(EInvoiceValidator.StandardsFolder, "..", "..", "validators");

    public static async Task<PrismProxy> StartAsync(string specification, string upstream)
    {
        var cli = Path.Combine(Root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Prism is not installed ({cli}): run ./test.sh once, or `npm ci` in tests/validators.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node", [cli, "proxy", specification, upstream, "--errors", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Prism did not start.");
        var proxy = new PrismProxy(process, $"http://127.0.0.1:{port}");
        var listening = new TaskCompletionSource();
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            proxy.Output.Enqueue(line);
            if (line.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            await proxy.DisposeAsync();
            throw new InvalidOperationException("Prism did not listen within a minute:\n" + string.Join('\n', proxy.Output));
        }

        return proxy;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

/// <summary>The stand-in platform of a test class: the scripted platform behind two Prism proxies (Flow Service, Directory Service).</summary>
public sealed class PlatformStandIn : IAsyncLifetime
{
    public ScriptedPlatform Platform { get; private set; } = null!;

    public PrismProxy Flows { get; private set; } = null!;

    public PrismProxy Directory { get; private set; } = null!;

    public static string Specification(string name) => Path.Combine(EInvoiceValidator.StandardsFolder, "..", "afnor-xp-z12-013", name);

    /// <summary>An empty platform and fresh Prism logs for the next test (true, to be kept by the caller).</summary>
    public bool Reset()
    {
        Flows.Output.Clear();
        Directory.Output.Clear();
        return Platform.Reset();
    }

    public async Task InitializeAsync()
    {
        Platform = await ScriptedPlatform.StartAsync();
        var flows = PrismProxy.StartAsync(Specification("AFNOR-Flow_Service-1.3.0.openapi.json"), Platform.Url);
        var directory = PrismProxy.StartAsync(Specification("AFNOR-Directory_Service-1.3.0.openapi.json"), Platform.Url);
        Flows = await flows;
        Directory = await directory;
    }

    public async Task DisposeAsync()
    {
        await Flows.DisposeAsync();
        await Directory.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
