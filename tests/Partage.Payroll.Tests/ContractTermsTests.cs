using Partage.Kernel;

namespace Partage.Payroll.Tests;

/// <summary>The terms shared by members' jobs and employers' staff contracts, one rule each.</summary>
public class ContractTermsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static string[] Broken(string start, string end, decimal? hours, decimal? cachets, long grossCents = 60_000) =>
        [.. ContractTerms.Check(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            hours, cachets, Money.Eur(grossCents), Today).Broken.Select(b => $"{b.Field}: {b.Message}")];

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-04", "2026-12-04", "8", null)]           // tomorrow, one day
    [InlineData("2027-01-01", "2027-12-31", "1600", null)]        // twelve months, less a day
    [InlineData("2027-01-10", "2027-02-20", null, "12")]          // cachets spread over two months
    public void Check_ContractWithinTerms_NothingBroken(string start, string end, string? hours, string? cachets) =>
        Assert.Empty(Broken(start, end, Number(hours), Number(cachets)));

    [Theory]
    [InlineData("2026-12-10", "2026-12-09", "8", null, "End: La fin précède le début.")]
    [InlineData("2027-01-01", "2028-01-01", "1600", null, "End: Un contrat dure au plus 12 mois")]
    [InlineData("2026-12-03", "2026-12-03", "8", null, "Start: Le contrat et la DPAE précèdent le travail")]   // today: too late for the DPAE
    [InlineData("2026-12-10", "2026-12-10", null, "1.5", "Cachets: Le nombre de cachets est un entier positif.")]
    [InlineData("2026-12-10", "2026-12-10", "241", null, "Hours: Le nombre d'heures est entre 0 et 240 dans le mois.")]
    [InlineData("2027-01-10", "2027-02-10", "600", null, "Hours: Les heures, réparties sur les mois")]   // about 324 h in January
    [InlineData("2027-01-30", "2027-02-27", null, "2", "Cachets: Les cachets, répartis sur les mois")]   // January's share rounds down to none
    [InlineData("2026-12-10", "2026-12-10", null, "32", "Cachets: Le nombre de cachets est un entier entre 1 et 31.")]
    public void Check_TermBroken_NamedWithItsField(string start, string end, string? hours, string? cachets, string expected) =>
        Assert.Contains(Broken(start, end, Number(hours), Number(cachets)), b => b.StartsWith(expected, StringComparison.Ordinal));

    [Fact]
    public void Check_SplitsTheMonths_WhenTheTermsAllowIt()
    {
        var (broken, months) = ContractTerms.Check(new DateOnly(2027, 1, 20), new DateOnly(2027, 3, 10), 300, null, Money.Eur(450_000), Today);

        Assert.Empty(broken);
        Assert.Equal(["2027-01", "2027-02", "2027-03"], months.Select(m => m.Period));
        Assert.Equal(300, months.Sum(m => m.Hours));
        Assert.Equal(450_000, months.Sum(m => m.GrossCents));
    }

    [Fact]
    public void WorkedDays_SplitLikeCachets_CheckedAgainstTheContractsDays()
    {
        // 20 January to 10 March 2027 (50 days), 30 days worked: January 12 × 30 / 50 = 7.2 → 7, February 28 × 30 / 50 = 16.8 → 16, March the rest, 7.
        var (broken, months) = ContractTerms.Check(new DateOnly(2027, 1, 20), new DateOnly(2027, 3, 10), 300, null, Money.Eur(450_000), Today, 30);
        Assert.Empty(broken);
        Assert.Equal([7, 16, 7], months.Select(m => m.WorkedDays));

        Assert.Contains(ContractTerms.Check(new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 25), 30, null, Money.Eur(90_000), Today, 7).Broken, b => b.Field == "WorkedDays");
        Assert.Contains(ContractTerms.Check(new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 25), 30, null, Money.Eur(90_000), Today, 2.5m).Broken, b => b.Field == "WorkedDays");
        Assert.DoesNotContain(ContractTerms.Check(new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 25), 30, null, Money.Eur(90_000), Today).Months, m => m.WorkedDays is not null);
    }

    [Theory]
    [InlineData("regime_general", EmployeeKind.RegimeGeneral)]
    [InlineData(" intermittent_artist ", EmployeeKind.IntermittentArtist)]
    [InlineData("intermittent_technician", EmployeeKind.IntermittentTechnician)]
    [InlineData("artiste", null)]
    [InlineData(null, null)]
    public void Kind_ReadsTheStatusAsTyped(string? text, EmployeeKind? expected) => Assert.Equal(expected, ContractTerms.Kind(text));
}
