using System.Text.Json;
using Partage.App.Infrastructure.Http;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll.Features;

/// <summary>One payslip, or an array of them, computed by the engine from its JSON contract (docs/payroll.md): open to anyone, nothing recorded.</summary>
public sealed class SimulatePayslip(PayrollParameters parameters)
{
    public async Task<PayrollResult> HandleAsync(PayrollRequest request, CancellationToken ct = default) =>
        PayslipEngine.Compute(request, await parameters.CatalogAsync(ct));

    public static void Map(RouteGroupBuilder open)
    {
        open.MapPost("/simulations", async (HttpRequest http, SimulatePayslip handler, CancellationToken ct) =>
            {
                using var body = await ReadJsonAsync(http, ct);
                if (body.RootElement.ValueKind == JsonValueKind.Array)
                {
                    var results = new List<PayrollResult>();
                    foreach (var item in body.RootElement.EnumerateArray())
                    {
                        results.Add(await handler.HandleAsync(Request(item), ct));
                    }

                    return Results.Json(results, PayrollJson.Options);
                }

                return Results.Json(await handler.HandleAsync(Request(body.RootElement), ct), PayrollJson.Options);
            })
            .WithName("SimulatePayslip").WithSummary("Calcule un bulletin (ou un tableau de bulletins) selon le contrat JSON du moteur de paie (docs/payroll.md)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblems();   // the engine's own JSON (snake_case), described in docs/payroll.md
    }

    /// <summary>The engine's JSON (snake_case) read from a body, a malformed one refused with where it went wrong.</summary>
    internal static PayrollRequest Request(JsonElement element) => Deserialize<PayrollRequest>(element);

    internal static T Deserialize<T>(JsonElement element)
        where T : class
    {
        try
        {
            return element.Deserialize<T>(PayrollJson.Options)
                ?? throw new InputValidationException(new Dictionary<string, string[]> { ["body"] = ["La demande est vide."] });
        }
        catch (JsonException e)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [e.Path ?? "body"] = [$"Valeur invalide : {e.Message}"] });
        }
    }

    internal static async Task<JsonDocument> ReadJsonAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["body"] = [$"Le corps de la requête n'est pas un JSON valide : {e.Message}"] });
        }
    }
}
