using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>
/// The platform's call back when a flow arrives for an entity (XP Z12-013 "WebhookCallback": the Flow
/// as JSON, headers Afnor-Signature and Afnor-Signature-Timestamp). The standard names an HMAC-SHA-256
/// without fixing what is signed; Partage checks it over "timestamp.body" with EInvoicing:WebhookSecret
/// (the convention to agree with the chosen platform), refuses a call older than five minutes, then
/// reads the flow as the poll would — once, whichever comes first.
/// </summary>
public sealed class PlatformWebhook(ReceivePlatformFlows receiver, ILegalEntitiesApi entities, IOptions<EInvoicingOptions> options, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(string entityCode, string? signature, string? timestamp, string body, CancellationToken ct)
    {
        if (body.Length > 65_536)
        {
            return Results.Problem(title: "Rappel trop long : un flux AFNOR tient en quelques kilo-octets.", statusCode: StatusCodes.Status400BadRequest);
        }

        var secret = options.Value.WebhookSecret;
        if (!options.Value.Enabled || secret.Length == 0 || !SignatureHolds(secret, signature, timestamp, body))
        {
            return Results.Problem(title: "Signature du rappel absente, périmée ou fausse.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var entity = (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, entityCode, StringComparison.Ordinal));
        if (entity is null)
        {
            return Results.Problem(title: "Entité inconnue.", statusCode: StatusCodes.Status404NotFound);
        }

        PlatformFlowInfo? info;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            info = new PlatformFlowInfo(
                root.GetProperty("flowId").GetString() ?? string.Empty, root.GetProperty("flowType").GetString() ?? string.Empty, null,
                DateTimeOffset.Parse(root.GetProperty("updatedAt").GetString() ?? string.Empty, CultureInfo.InvariantCulture), "Ok");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return Results.Problem(title: "Le rappel n'est pas un flux AFNOR lisible (flowId, flowType, updatedAt).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (info.FlowId.Length is 0 or > 64)
        {
            return Results.Problem(title: "Identifiant de flux absent ou trop long.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            await receiver.ReadAsync(entity, new PlatformAccount(entity.Code, entity.Siren), info, Actor.System, ct);
        }
        catch (PlatformException e)
        {
            // The flow could not be fetched now: the platform calls again or the next poll reads it.
            return Results.Problem(title: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    private bool SignatureHolds(string secret, string? signature, string? timestamp, string body)
    {
        if (signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signature the platform sends: Base64(HMAC-SHA-256(secret, "timestamp.body")).</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/einvoicing/webhook/{entity}", async (string entity, HttpRequest request, PlatformWebhook handler, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync(ct);
                return await handler.HandleAsync(entity, request.Headers["Afnor-Signature"].FirstOrDefault(), request.Headers["Afnor-Signature-Timestamp"].FirstOrDefault(), body, ct);
            })
            .AllowAnonymous().DisableAntiforgery()
            .WithTags("Facturation électronique").WithName("PlatformWebhook")
            .WithSummary("Rappel de la plateforme agréée à l'arrivée d'un flux (signé HMAC-SHA-256)")
            .Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
