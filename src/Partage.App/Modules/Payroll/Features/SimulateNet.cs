using System.Globalization;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;
using Partage.Payroll;

namespace Partage.App.Modules.Payroll.Features;

public sealed record NetSimulationInput(string? Amount, string? Kind, bool Cadre, string? Date, string? Days, string? Hours, string? Cachets);

/// <summary>"If my client pays X excl. VAT for this job, what net do I receive?", step by step.</summary>
public sealed record NetSimulation(
    Money AmountExclVat, string FeeRule, Money Fee, Money Budget, PayrollResult Payslip, Money Gross, Money EmployeeContributions, Money EmployerContributions,
    Money Reductions, Money EmployerCost, Money Net, Money Unspent);

/// <summary>The members' and visitors' net simulator: the cooperative's contribution taken from the amount, then the largest gross the rest pays for.</summary>
public sealed class SimulateNet(PayrollParameters parameters, SimulateBudget budgets, ILedgerApi ledger, ILegalEntitiesApi entities, IOptions<PayrollEmployerOptions> employer, TimeProvider clock)
{
    public async Task<NetSimulation> HandleAsync(NetSimulationInput input, CancellationToken ct = default)
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
            new ContractInput(kind == "regime_general" ? "CDD" : "CDDU", date, end.Month == date.Month ? end : new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1))
            {
                EndOfContract = new EndOfContractInput(0, null),   // the work ends in the month: a CDD's indemnities come out of the same budget
            },
            new WorkInput(hours ?? (artist ? null : 7 * days), days, artist ? cachets ?? days : null), 0);
        var payslip = await budgets.HandleAsync(new BudgetSimulationRequest(template, budget.Amount), ct);
        var employerCost = Money.Eur(Rounding.ToCents(payslip.EmployerCost));
        return new NetSimulation(amount.Value, $"{entity.Code} {module}", fee, budget, payslip, Euros(payslip.Gross), Euros(payslip.TotalEmployee), Euros(payslip.TotalEmployer),
            Euros(payslip.TotalReductions), employerCost, Euros(payslip.NetBeforeTax), budget - employerCost);
    }

    private static Money Euros(decimal amount) => Money.Eur(Rounding.ToCents(amount));

    public static void Map(RouteGroupBuilder open)
    {
        open.MapPost("/simulations/net", async (NetSimulationInput input, SimulateNet handler, CancellationToken ct) => await handler.HandleAsync(input, ct))
            .WithName("SimulateNet").WithSummary("Si le client paie X € HT, quel net pour le membre ? (contribution, coût employeur, cotisations)").ProducesProblems();
    }
}
