using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Partage.App.Modules.Invoicing.Platform;

/// <summary>
/// The platform through the AFNOR XP Z12-013 APIs (annexes A and B, v1.3.0): the Flow Service
/// (<c>POST /v1/flows</c>, <c>POST /v1/flows/search</c>, <c>GET /v1/flows/{id}</c>) and the Directory
/// Service (<c>POST /v1/directory-line/search</c>), authenticated by OAuth2 client credentials.
/// The tests put Prism between Partage and a scripted platform: every request is checked against
/// the official OpenAPI files.
/// </summary>
public sealed class AfnorPlatform(HttpClient http, IOptions<EInvoicingOptions> options, PlatformTokens tokens) : IEInvoicingPlatform
{
    private EInvoicingOptions Settings => options.Value;

    public async Task<string?> FindRecipientAsync(PlatformAccount account, string siren, CancellationToken ct)
    {
        var search = new JsonObject
        {
            ["filters"] = new JsonObject { ["siren"] = new JsonObject { ["op"] = "strict", ["value"] = siren } },
            ["limit"] = 20,
        };
        using var request = await RequestAsync(account, HttpMethod.Post, Settings.DirectoryUrl, "/v1/directory-line/search", ct);
        request.Content = JsonContent.Create(search);
        using var response = await SendAsync(request, "l'annuaire", ct, HttpStatusCode.NotFound);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return (answer?["results"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(line => (string?)line["directoryLineStatus"] == "Enabled" && (string?)line["siren"] == siren)
            .Select(line => (string?)line["addressingIdentifier"])
            .FirstOrDefault(address => !string.IsNullOrEmpty(address));
    }

    public async Task<string> SubmitAsync(PlatformAccount account, FlowSubmission flow, CancellationToken ct)
    {
        var flowInfo = new JsonObject
        {
            ["trackingId"] = flow.TrackingId,
            ["name"] = flow.Name,
            ["processingRule"] = flow.ProcessingRule,
            ["flowSyntax"] = flow.Syntax,
            ["flowProfile"] = flow.Profile,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(flow.Content)),
        };
        using var request = await RequestAsync(account, HttpMethod.Post, Settings.PlatformUrl, "/v1/flows", ct);
        request.Content = Multipart(flowInfo.ToJsonString(), flow);
        using var response = await SendAsync(request, "la plateforme", ct);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return (string?)created?["flowId"] is { Length: > 0 } id ? id : throw new PlatformException("La plateforme n'a pas rendu d'identifiant de flux.", passing: true);
    }

    /// <summary>
    /// The two parts of a submission, written as browsers and curl write them: quoted part names and an
    /// unquoted boundary (.NET's defaults are valid too, but some multipart parsers — Prism's among them —
    /// read only this form).
    /// </summary>
    public static MultipartFormDataContent Multipart(string flowInfo, FlowSubmission flow)
    {
        var content = new MultipartFormDataContent("partage-" + Guid.NewGuid().ToString("N"));
        var boundary = content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary");
        boundary.Value = boundary.Value!.Trim('"');
        var info = new StringContent(flowInfo, System.Text.Encoding.UTF8, "application/json");
        info.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"flowInfo\"" };
        var file = new ByteArrayContent(flow.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(flow.ContentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"{flow.Name}\"" };
        content.Add(info);
        content.Add(file);
        return content;
    }

    public async Task<IReadOnlyList<PlatformFlowInfo>> SearchIncomingAsync(PlatformAccount account, IReadOnlyList<string> flowTypes, DateTimeOffset updatedAfter, CancellationToken ct)
    {
        var found = new List<PlatformFlowInfo>();
        string? cursor = null;
        do
        {
            var search = new JsonObject
            {
                ["limit"] = 100,
                ["where"] = new JsonObject
                {
                    ["updatedAfter"] = updatedAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["flowType"] = new JsonArray([.. flowTypes.Select(t => JsonValue.Create(t))]),
                    ["flowDirection"] = new JsonArray("In"),
                },
            };
            if (cursor is not null)
            {
                search["cursor"] = cursor;
            }

            using var request = await RequestAsync(account, HttpMethod.Post, Settings.PlatformUrl, "/v1/flows/search", ct);
            request.Content = JsonContent.Create(search);
            using var response = await SendAsync(request, "la plateforme", ct);
            var page = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            found.AddRange((page?["results"] as JsonArray ?? []).OfType<JsonObject>().Select(f => new PlatformFlowInfo(
                (string?)f["flowId"] ?? string.Empty, (string?)f["flowType"] ?? string.Empty, (string?)f["trackingId"],
                DateTimeOffset.Parse((string?)f["updatedAt"] ?? "2000-01-01T00:00:00Z", CultureInfo.InvariantCulture),
                (string?)f["acknowledgement"]?["status"] ?? "Pending")));
            cursor = (string?)page?["nextCursor"];
        }
        while (cursor is not null && found.Count < 10_000);
        return found;
    }

    public async Task<byte[]> DownloadAsync(PlatformAccount account, string flowId, CancellationToken ct)
    {
        using var request = await RequestAsync(account, HttpMethod.Get, Settings.PlatformUrl, $"/v1/flows/{Uri.EscapeDataString(flowId)}?docType=Original", ct);
        using var response = await SendAsync(request, "la plateforme", ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private async Task<HttpRequestMessage> RequestAsync(PlatformAccount account, HttpMethod method, string baseUrl, string path, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, baseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.ForAsync(http, Settings, account.EntityCode, ct));
        request.Headers.Add("Request-Id", Guid.NewGuid().ToString());
        request.Headers.Add("Organization-Id", account.Siren);
        return request;
    }

    /// <summary>Sends; a refusal (4xx other than 429 and the accepted codes) is final, the rest passing.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string who, CancellationToken ct, params HttpStatusCode[] accepted)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformException($"{Capital(who)} ne répond pas ({e.Message}).", passing: true);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PlatformException($"{Capital(who)} n'a pas répondu à temps.", passing: true);
        }

        if (response.IsSuccessStatusCode || accepted.Contains(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            var body = Text(await response.Content.ReadAsStringAsync(ct));
            var passing = code == 429 || code >= 500;
            throw new PlatformException($"{Capital(who)} a répondu {code}{(body.Length > 0 ? " : " + body : string.Empty)}", passing);
        }
    }

    /// <summary>An error body as one line a person can read (the AFNOR Error's message when there is one).</summary>
    private static string Text(string body)
    {
        try
        {
            var error = JsonNode.Parse(body);
            if ((string?)error?["errorMessage"] is { Length: > 0 } message)
            {
                return Cut($"{message} ({(string?)error["errorCode"]})");
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw text below.
        }

        return Cut(body.ReplaceLineEndings(" ").Trim());
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>OAuth2 access tokens of the entities' platform accounts, kept until shortly before they expire.</summary>
public sealed class PlatformTokens(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<string> ForAsync(HttpClient http, EInvoicingOptions settings, string entityCode, CancellationToken ct)
    {
        var credentials = settings.CredentialsFor(entityCode);
        if (settings.TokenUrl.Length == 0)
        {
            return credentials.ClientSecret;
        }

        if (cache.TryGetValue(credentials.ClientId, out var held) && held.Until > clock.GetUtcNow())
        {
            return held.Token;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = credentials.ClientId, ["client_secret"] = credentials.ClientSecret,
        });
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(settings.TokenUrl, form, ct);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformException($"Le service d'authentification de la plateforme ne répond pas ({e.Message}).", passing: true);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var code = (int)response.StatusCode;
                throw new PlatformException($"La plateforme a refusé l'authentification ({code}) : vérifiez EInvoicing:ClientId et ClientSecret.", passing: code >= 500);
            }

            var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            var token = (string?)answer?["access_token"] ?? throw new PlatformException("La plateforme n'a pas rendu de jeton d'accès.", passing: true);
            var seconds = (int?)answer?["expires_in"] ?? 300;
            cache[credentials.ClientId] = (token, clock.GetUtcNow().AddSeconds(Math.Max(0, seconds - 30)));
            return token;
        }
    }
}
