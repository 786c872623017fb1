using System.Globalization;
using System.Text.Json;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

public static class PayrollErrors
{
    public static readonly ErrorCode NotFound = new("payroll.not_found", "Cette ressource de paie n'existe pas.", ErrorKind.NotFound);
    public static readonly ErrorCode SettingExists = new("payroll.setting_exists", "Une valeur de ce paramètre existe déjà à cette date : une valeur ne se modifie pas, ajoutez-en une à une autre date.", ErrorKind.Conflict);
    public static readonly ErrorCode NoEntity = new("payroll.no_entity", "Aucune entité de la coopérative ne porte ce type de travail.");
}

public static class PayrollAccess
{
    /// <summary>Payroll staff (and administrators) keep the payroll parameters.</summary>
    public static bool KeepsPayroll(Actor actor) => actor.IsAdmin || actor.IsInRole(Roles.Payroll);

    public static void RequireStaff(Actor actor)
    {
        if (!KeepsPayroll(actor))
        {
            throw new DomainException(PayrollErrors.NotFound);
        }
    }
}

public static class PayrollModule
{
    public static IServiceCollection AddPayroll(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PayrollEmployerOptions>(configuration.GetSection("Payroll:Employer"))
            .AddScoped<PayrollParameters>()
            .AddScoped<PayrollSimulations>();

    public static void MapPayrollEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        var open = anonymousApi.MapGroup("/payroll").WithTags("Paie");
        open.MapPost("/simulations", async (HttpRequest http, PayrollSimulations simulations, CancellationToken ct) =>
            {
                using var body = await ReadJsonAsync(http, ct);
                if (body.RootElement.ValueKind == JsonValueKind.Array)
                {
                    var results = new List<PayrollResult>();
                    foreach (var item in body.RootElement.EnumerateArray())
                    {
                        results.Add(await simulations.ComputeAsync(Request(item), ct));
                    }

                    return Results.Json(results, PayrollJson.Options);
                }

                return Results.Json(await simulations.ComputeAsync(Request(body.RootElement), ct), PayrollJson.Options);
            })
            .WithName("SimulatePayslip").WithSummary("Calcule un bulletin (ou un tableau de bulletins) selon le contrat JSON du moteur de paie (docs/payroll.md)").ProducesProblems();
        open.MapPost("/simulations/budget", async (HttpRequest http, PayrollSimulations simulations, CancellationToken ct) =>
            {
                using var body = await ReadJsonAsync(http, ct);
                var request = Deserialize<BudgetSimulationRequest>(body.RootElement);
                return Results.Json(await simulations.LargestGrossWithinAsync(request, ct), PayrollJson.Options);
            })
            .WithName("SimulateBudget").WithSummary("Le plus grand brut dont le coût employeur tient dans un budget, au centime").ProducesProblems();
        open.MapPost("/simulations/net", async (NetSimulationInput input, PayrollSimulations simulations, CancellationToken ct) => await simulations.NetAsync(input, ct))
            .WithName("SimulateNet").WithSummary("Si le client paie X € HT, quel net pour le membre ? (contribution, coût employeur, cotisations)").ProducesProblems();

        var staff = api.MapGroup("/payroll").WithTags("Paie");
        staff.MapGet("/parameters", async (string? date, PayrollParameters parameters, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var on = date is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)
                    : DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
                    : throw new InputValidationException(new Dictionary<string, string[]> { ["date"] = ["La date est au format AAAA-MM-JJ."] });
                return await parameters.InForceAsync(on, await actors.GetAsync(ct), ct);
            })
            .WithName("PayrollParameters").WithSummary("Les paramètres de paie en vigueur à une date, avec leur source (service paie)").ProducesProblems();
        staff.MapPost("/parameters", async (NewSettingInput input, PayrollParameters parameters, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await parameters.AddAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/payroll/parameters?date={added.From:yyyy-MM-dd}", added);
            })
            .WithName("AddPayrollSetting").WithSummary("Nouvelle valeur datée d'un paramètre incertain, d'après un avis de l'organisme (jamais une modification)").ProducesProblems();
    }

    private static PayrollRequest Request(JsonElement element) => Deserialize<PayrollRequest>(element);

    private static T Deserialize<T>(JsonElement element)
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

    private static async Task<JsonDocument> ReadJsonAsync(HttpRequest http, CancellationToken ct)
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
