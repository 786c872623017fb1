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
/// members' jobs (at declaration and again at countersignature) and for the contracts of employers under mandate. The
/// agreement's rates are read once (<see cref="JobMinimum.TableAsync"/>), then each contract is checked without a query.
/// </summary>
public sealed class MinimumTable(string agreement, IReadOnlyList<MinimumRate> rates, ParameterCatalog catalog)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Why <paramref name="gross"/> is below the least a contract of this trade, start, hours or cachets pays; null when it is not.</summary>
    public string? Shortfall(string? tradeCode, DateOnly start, decimal? hours, int? cachets, Money gross) => For(tradeCode, start, hours, cachets).Shortfall(gross);

    private MinimumPay For(string? tradeCode, DateOnly start, decimal? hours, int? cachets)
    {
        var unit = cachets is not null && hours is null ? MinimumUnit.Cachet : MinimumUnit.Hour;
        var conventional = rates.Where(r => r.Unit == unit && (r.TradeCode == tradeCode || r.TradeCode == "*") && r.From <= start)
            .GroupBy(r => r.TradeCode).Select(g => g.OrderBy(r => r.From).Last())
            .OrderBy(r => r.TradeCode == "*" ? 1 : 0).FirstOrDefault();
        var quantity = unit == MinimumUnit.Cachet ? cachets!.Value : hours ?? 0;
        var smic = unit == MinimumUnit.Hour ? Money.Eur(Rounding.ToCents(catalog.ValueOn("smic_horaire", start)!.Value * quantity)) : Money.ZeroEur;
        var agreed = conventional is null ? Money.ZeroEur : Money.Eur(Rounding.ToCents(conventional.Amount * quantity));
        return agreed > smic
            ? new(agreed, $"minimum conventionnel IDCC {agreement} de {Money.Eur(Rounding.ToCents(conventional!.Amount)).ToDisplayString()} par {(unit == MinimumUnit.Cachet ? "cachet" : "heure")} depuis le {conventional.From:dd/MM/yyyy}")
            : new(smic, $"SMIC horaire × {quantity.ToString("0.##", French)} h");
    }
}

/// <summary>Reads an agreement's minimum rates and the SMIC's parameters into a <see cref="MinimumTable"/>.</summary>
public sealed class JobMinimum(PartageDbContext db, PayrollParameters parameters)
{
    public async Task<MinimumTable> TableAsync(string agreement, CancellationToken ct = default) =>
        new(agreement, await db.Set<MinimumRate>().AsNoTracking().Where(r => r.CollectiveAgreement == agreement).ToListAsync(ct), await parameters.CatalogAsync(ct));
}
