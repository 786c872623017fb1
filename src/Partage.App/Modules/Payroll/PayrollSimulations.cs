using System.Text.Json;
using System.Globalization;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll;

/// <summary>
/// The cooperative as an employer: what the engine needs to know of it (section <c>Payroll:Employer</c>),
/// set from its own notices. Its AT/MP rate changes every year, so it is a dated row of the payroll
/// parameters (<c>atmp_cooperative</c>), read for the month computed, not a setting of the server.
/// </summary>
public sealed class PayrollEmployerOptions
{
    public const string AtMpRateCode = "atmp_cooperative";

    public int Headcount { get; set; } = 300;

    /// <summary>The versement mobilité rate of the employer's commune (0 where none is due).</summary>
    public decimal MobilityRate { get; set; }

    public bool AlsaceMoselle { get; set; }

    /// <summary>Member of the Congés Spectacles fund (every employer of intermittents must be).</summary>
    public bool CongesSpectacles { get; set; } = true;

    /// <summary>The IDCC of the collective agreement (3090: entreprises du secteur privé du spectacle vivant).</summary>
    public string? CollectiveAgreement { get; set; } = "3090";

    /// <summary>The employer of a month's payslip; without an AT/MP row in force the engine refuses the request with its message.</summary>
    public EmployerInput ToInput(ParameterCatalog catalog, DateOnly month) =>
        new(Headcount, catalog.ValueOn(AtMpRateCode, month), MobilityRate, AlsaceMoselle, CongesSpectacles, CollectiveAgreement);
}

public sealed record BudgetSimulationRequest(PayrollRequest? Request, decimal? Budget);

public sealed record NetSimulationInput(string? Amount, string? Kind, bool Cadre, string? Date, string? Days, string? Hours, string? Cachets);

/// <summary>"If my client pays X excl. VAT for this job, what net do I receive?", step by step.</summary>
public sealed record NetSimulation(
    Money AmountExclVat, string FeeRule, Money Fee, Money Budget, PayrollResult Payslip, Money Gross, Money EmployeeContributions, Money EmployerContributions,
    Money Reductions, Money EmployerCost, Money Net, Money Unspent);

/// <summary>Simulations over the engine: one payslip, the largest gross within a budget, and the members' and visitors' net simulator.</summary>
public sealed class PayrollSimulations(PayrollParameters parameters, ILedgerApi ledger, ILegalEntitiesApi entities, IOptions<PayrollEmployerOptions> employer, TimeProvider clock)
{
    public async Task<PayrollResult> ComputeAsync(PayrollRequest request, CancellationToken ct = default) =>
        PayslipEngine.Compute(request, await parameters.CatalogAsync(ct));

    public async Task<PayrollResult> LargestGrossWithinAsync(BudgetSimulationRequest request, CancellationToken ct = default)
    {
        if (request.Request is null || request.Budget is not { } budget)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["budget"] = ["Indiquez la demande de paie (request) et le budget (coût employeur maximal)."] });
        }

        var input = PayrollJson.Check(request.Request with { Gross = request.Request.Gross ?? 0 });
        return PayslipInverse.LargestGrossWithin(input, (await parameters.CatalogAsync(ct)).Resolve(input.ParametersDate), budget) with { Id = request.Request.Id };
    }

    public async Task<NetSimulation> NetAsync(NetSimulationInput input, CancellationToken ct = default)
    {
        var v = new Infrastructure.Validation();
        var amount = v.Amount("Amount", "Le montant payé par le client", input.Amount, required: true);
        var kind = input.Kind ?? "regime_general";
        if (kind is not ("regime_general" or "intermittent_technician" or "intermittent_artist"))
        {
            v.Add("Kind", "Le statut est salarié (régime général), technicien ou artiste intermittent.");
        }

        var date = v.Date("Date", "La date du travail", input.Date, required: false) ?? clock.Today();
        var days = v.Decimal("Days", "Le nombre de jours", input.Days, required: false) ?? 1;
        var hours = v.Hours("Hours", input.Hours, required: false);
        var cachets = v.Cachets("Cachets", input.Cachets, required: false);
        if (days is < 1 or > 28 || days != decimal.Truncate(days))
        {
            v.Add("Days", "Le travail dure de 1 à 28 jours (un mois au plus).");
        }

        v.ThrowIfInvalid();
        var artist = kind == "intermittent_artist";
        var end = date.AddDays((int)days - 1);
        var module = kind == "regime_general" ? BusinessModules.Projects : BusinessModules.Shows;
        var entity = (await entities.ListAsync(ct)).FirstOrDefault(e => e.Modules.Contains(module))
            ?? throw new DomainException(PayrollErrors.NoEntity);
        var fee = await ledger.FeeTotalAsync(entity.Id, module, date, amount!.Value, ct);
        var budget = amount.Value - fee;
        var template = new PayrollRequest(date.ToString("yyyy-MM", CultureInfo.InvariantCulture), employer.Value.ToInput(await parameters.CatalogAsync(ct), date), new EmployeeInput(kind, input.Cadre, null),
            new ContractInput(kind == "regime_general" ? "CDD" : "CDDU", date, end.Month == date.Month ? end : new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
            new WorkInput(hours ?? (artist ? null : 7 * days), days, artist ? cachets ?? days : null), 0);
        var payslip = await LargestGrossWithinAsync(new BudgetSimulationRequest(template, budget.Amount), ct);
        var employerCost = Money.Eur(Rounding.ToCents(payslip.EmployerCost));
        return new NetSimulation(amount.Value, $"{entity.Code} {module}", fee, budget, payslip, Euros(payslip.Gross), Euros(payslip.TotalEmployee), Euros(payslip.TotalEmployer),
            Euros(payslip.TotalReductions), employerCost, Euros(payslip.NetBeforeTax), budget - employerCost);
    }

    private static Money Euros(decimal amount) => Money.Eur(Rounding.ToCents(amount));

    public static void Map(RouteGroupBuilder open)
    {
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
            .WithName("SimulatePayslip").WithSummary("Calcule un bulletin (ou un tableau de bulletins) selon le contrat JSON du moteur de paie (docs/payroll.md)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblems();   // the engine's own JSON (snake_case), described in docs/payroll.md
        open.MapPost("/simulations/budget", async (HttpRequest http, PayrollSimulations simulations, CancellationToken ct) =>
            {
                using var body = await ReadJsonAsync(http, ct);
                var request = Deserialize<BudgetSimulationRequest>(body.RootElement);
                return Results.Json(await simulations.LargestGrossWithinAsync(request, ct), PayrollJson.Options);
            })
            .WithName("SimulateBudget").WithSummary("Le plus grand brut dont le coût employeur tient dans un budget, au centime")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblems();
        open.MapPost("/simulations/net", async (NetSimulationInput input, PayrollSimulations simulations, CancellationToken ct) => await simulations.NetAsync(input, ct))
            .WithName("SimulateNet").WithSummary("Si le client paie X € HT, quel net pour le membre ? (contribution, coût employeur, cotisations)").ProducesProblems();
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
