using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Partage.Tests.Invoicing.Platform;

/// <summary>A flow the scripted platform holds: handed over by Partage (Out) or waiting for it (In).</summary>
public sealed record HeldFlow(
    string FlowId, string Direction, string FlowType, string Syntax, string Name, string? TrackingId, byte[] Content, DateTimeOffset UpdatedAt,
    string? OrganizationId, string? ContentType, string ProcessingRule, string Profile);

/// <summary>
/// A small accredited platform written for the tests: it plays what Prism cannot — it keeps the flows
/// Partage hands over, answers the directory from a list of SIRENs, lists and serves the incoming
/// status flows a test puts on it, can fail on purpose (503), and issues OAuth2 tokens. Partage never
/// calls it directly for the AFNOR APIs: Prism stands in front and checks every request and every
/// answer against the official OpenAPI files.
/// </summary>
public sealed class ScriptedPlatform : IAsyncDisposable
{
    public const string ClientId = "partage-tests";
    public const string ClientSecret = "secret-de-test";

    private readonly WebApplication app;
    private int flowNumber;

    private ScriptedPlatform(WebApplication app) => this.app = app;

    public string Url { get; private set; } = string.Empty;

    public ConcurrentDictionary<string, HeldFlow> Flows { get; } = new(StringComparer.Ordinal);

    /// <summary>The SIRENs with an active line in the directory, and their addressing identifier.</summary>
    public ConcurrentDictionary<string, string> Directory { get; } = new(StringComparer.Ordinal);

    /// <summary>How many of the next submissions to answer 503 (a platform down for maintenance).</summary>
    public int FailingSubmissions { get; set; }

    public DateTimeOffset Now { get; set; } = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public IEnumerable<HeldFlow> Submitted => Flows.Values.Where(f => f.Direction == "Out").OrderBy(f => f.FlowId, StringComparer.Ordinal);

    public static async Task<ScriptedPlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var platform = new ScriptedPlatform(builder.Build());
        platform.Map();
        await platform.app.StartAsync();
        platform.Url = platform.app.Urls.First();
        return platform;
    }

    /// <summary>Forgets every flow, the directory and the failures to come (true, to be kept by the caller).</summary>
    public bool Reset()
    {
        Flows.Clear();
        Directory.Clear();
        FailingSubmissions = 0;
        return true;
    }

    /// <summary>A status flow (CDAR) addressed to one of Partage's entities (its SIREN), as the client's platform would send it; returns its flow id.</summary>
    public string AddIncomingStatus(string organization, byte[] cdar)
    {
        var id = $"IN-{Interlocked.Increment(ref flowNumber):D5}";
        Now = Now.AddSeconds(1);
        Flows[id] = new HeldFlow(id, "In", "CustomerInvoiceLC", "CDAR", $"{id}.xml", null, cdar, Now, organization, "application/xml", "B2B", "CIUS");
        return id;
    }

    /// <summary>A supplier's invoice (Factur-X, CII or UBL) addressed to one of Partage's entities (its SIREN); returns its flow id.</summary>
    public string AddIncomingInvoice(string organization, byte[] content, string syntax)
    {
        var id = $"IN-{Interlocked.Increment(ref flowNumber):D5}";
        Now = Now.AddSeconds(1);
        var (name, type) = syntax == "Factur-X" ? ($"{id}.pdf", "application/pdf") : ($"{id}.xml", "application/xml");
        Flows[id] = new HeldFlow(id, "In", "SupplierInvoice", syntax, name, null, content, Now, organization, type, "B2B", "CIUS");
        return id;
    }

    public static JsonObject FlowJson(HeldFlow f) => new()
    {
        ["flowId"] = f.FlowId,
        ["submittedAt"] = Stamp(f.UpdatedAt),
        ["updatedAt"] = Stamp(f.UpdatedAt),
        ["name"] = f.Name,
        ["flowSyntax"] = f.Syntax,
        ["flowProfile"] = f.Profile,
        ["processingRule"] = f.ProcessingRule,
        ["processingRuleSource"] = "Input",
        ["flowType"] = f.FlowType,
        ["flowDirection"] = f.Direction,
        ["acknowledgement"] = new JsonObject { ["status"] = "Ok" },
    };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["errorCode"] = code, ["errorMessage"] = message }, statusCode: status);

    private bool Authorized(HttpRequest request) => request.Headers.Authorization.ToString() == $"Bearer token-{ClientId}";

    private void Map()
    {
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["client_id"] == ClientId && form["client_secret"] == ClientSecret && form["grant_type"] == "client_credentials"
                ? Results.Json(new JsonObject { ["access_token"] = $"token-{ClientId}", ["token_type"] = "Bearer", ["expires_in"] = 3600 })
                : Results.Json(new JsonObject { ["error"] = "invalid_client" }, statusCode: 401);
        });
        app.MapPost("/v1/flows", SubmitAsync);
        app.MapPost("/v1/flows/search", async (HttpRequest request) =>
        {
            if (!Authorized(request))
            {
                return Error(401, "UNAUTHORIZED", "Jeton absent ou faux");
            }

            var search = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var after = DateTimeOffset.Parse((string?)search?["where"]?["updatedAfter"] ?? "2000-01-01T00:00:00Z", CultureInfo.InvariantCulture);
            var organization = request.Headers["Organization-Id"].FirstOrDefault();
            var results = new JsonArray([.. Flows.Values.Where(f => f.Direction == "In" && f.OrganizationId == organization && f.UpdatedAt > after).OrderBy(f => f.UpdatedAt).Select(f => (JsonNode)FlowJson(f))]);
            return Results.Json(new JsonObject { ["limit"] = 100, ["filters"] = search?["where"]?.DeepClone(), ["results"] = results });
        });
        app.MapGet("/v1/flows/{flowId}", (string flowId, HttpRequest request, HttpResponse response) =>
        {
            if (!Authorized(request))
            {
                return Error(401, "UNAUTHORIZED", "Jeton absent ou faux");
            }

            if (!Flows.TryGetValue(flowId, out var flow))
            {
                return Error(404, "NOT_FOUND", "Flux inconnu");
            }

            response.Headers.ContentDisposition = $"attachment;filename={flow.Name}";
            return Results.Bytes(flow.Content, "application/octet-stream");
        });
        app.MapPost("/v1/directory-line/search", async (HttpRequest request) =>
        {
            var search = await JsonNode.ParseAsync(request.Body);
            var siren = (string?)search?["filters"]?["siren"]?["value"] ?? string.Empty;
            var lines = Directory.TryGetValue(siren, out var address)
                ? new JsonArray(new JsonObject { ["addressingIdentifier"] = address, ["siren"] = siren, ["directoryLineStatus"] = "Enabled" })
                : [];
            return Results.Json(new JsonObject { ["totalNumberOfResults"] = lines.Count, ["results"] = lines });
        });
    }

    private async Task<IResult> SubmitAsync(HttpRequest request)
    {
        if (!Authorized(request))
        {
            return Error(401, "UNAUTHORIZED", "Jeton absent ou faux");
        }

        if (FailingSubmissions > 0)
        {
            FailingSubmissions--;
            return Error(503, "SERVICE_UNAVAILABLE", "Maintenance en cours");
        }

        var form = await request.ReadFormAsync();
        var info = JsonNode.Parse(form["flowInfo"].ToString())!.AsObject();
        var file = form.Files["file"]!;
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var syntax = (string)info["flowSyntax"]!;
        var id = $"OUT-{Interlocked.Increment(ref flowNumber):D5}";
        Now = Now.AddSeconds(1);
        var held = new HeldFlow(id, "Out", syntax == "CDAR" ? "CustomerInvoiceLC" : "CustomerInvoice", syntax, (string)info["name"]!, (string?)info["trackingId"],
            content.ToArray(), Now, request.Headers["Organization-Id"].FirstOrDefault(), file.ContentType, (string?)info["processingRule"] ?? "B2B", (string?)info["flowProfile"] ?? "CIUS");
        Flows[id] = held;
        var answer = new JsonObject
        {
            ["flowId"] = id, ["submittedAt"] = Stamp(Now), ["trackingId"] = held.TrackingId, ["name"] = held.Name,
            ["processingRule"] = held.ProcessingRule, ["flowSyntax"] = syntax, ["flowProfile"] = held.Profile,
        };
        return Results.Json(answer, statusCode: 202);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
