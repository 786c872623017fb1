using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>The least a contract may pay, and on what basis it was found.</summary>
public sealed record MinimumPay(Money Amount, string Basis)
{
    /// <summary>Why <paramref name="gross"/> is below this minimum, or null when it is not.</summary>
    public string? Shortfall(Money gross) =>
        gross < Amount ? $"Le brut est inférieur au minimum applicable : {Amount.ToDisplayString()} ({Basis})." : null;
}

/// <summary>
/// The least a contract pays: the SMIC for its hours, or the conventional minimum of the collective agreement for the trade
/// ("*": every trade of the agreement), per hour or per cachet, in force at the start — whichever is higher. One rule for
/// members' jobs (at declaration and again at countersignature) and for the contracts of employers under mandate.
/// </summary>
public sealed class JobMinimum(PartageDbContext db)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<MinimumPay> ForAsync(string agreement, string? tradeCode, DateOnly start, decimal? hours, int? cachets, ParameterCatalog catalog, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var rates = await db.Set<MinimumRate>().AsNoTracking()
            .Where(r => r.CollectiveAgreement == agreement && (r.TradeCode == tradeCode || r.TradeCode == "*") && r.From <= start)
            .ToListAsync(ct);
        var unit = cachets is not null && hours is null ? MinimumUnit.Cachet : MinimumUnit.Hour;
        var conventional = rates.Where(r => r.Unit == unit).GroupBy(r => r.TradeCode).Select(g => g.OrderBy(r => r.From).Last())
            .OrderBy(r => r.TradeCode == "*" ? 1 : 0).FirstOrDefault();
        var quantity = unit == MinimumUnit.Cachet ? cachets!.Value : hours ?? 0;
        var smic = unit == MinimumUnit.Hour ? Money.Eur(Rounding.ToCents(catalog.ValueOn("smic_horaire", start)!.Value * quantity)) : Money.ZeroEur;
        var agreed = conventional is null ? Money.ZeroEur : Money.Eur(Rounding.ToCents(conventional.Amount * quantity));
        return agreed > smic
            ? new(agreed, $"minimum conventionnel IDCC {agreement} de {Money.Eur(Rounding.ToCents(conventional!.Amount)).ToDisplayString()} par {(unit == MinimumUnit.Cachet ? "cachet" : "heure")} depuis le {conventional.From:dd/MM/yyyy}")
            : new(smic, $"SMIC horaire × {quantity.ToString("0.##", French)} h");
    }
}
