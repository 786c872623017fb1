using System.Globalization;

namespace Partage.App.Modules.Governance;

/// <summary>A fraction of the statutes or the law (a quorum, a majority): kept exact, compared by cross-multiplying.</summary>
public readonly record struct Fraction(long Numerator, long Denominator, bool Strict = false)
{
    /// <summary>Whether <paramref name="part"/> out of <paramref name="whole"/> reaches the fraction (more than it, when strict).</summary>
    public bool ReachedBy(System.Numerics.BigInteger part, System.Numerics.BigInteger whole) =>
        Strict ? part * Denominator > whole * Numerator : part * Denominator >= whole * Numerator;

    public override string ToString() => Numerator == 0 ? "aucun" : Numerator * 2 == Denominator && Strict ? "plus de la moitié" : $"{(Strict ? "plus de " : string.Empty)}{Numerator}/{Denominator}";

    /// <summary>"1/5", "&gt;1/2" (more than half), "&gt;=2/3" (at least two-thirds).</summary>
    public static Fraction Parse(string text)
    {
        var strict = text.StartsWith('>') && !text.StartsWith(">=", StringComparison.Ordinal);
        var parts = text.TrimStart('>', '=').Split('/');
        return new Fraction(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), strict);
    }
}

/// <summary>A share category of the statutes (the nine of the 2016 report).</summary>
public sealed record ShareCategory(int Number, string Label, string Source);

/// <summary>A voting college of an entity's statutes from a date: its weight and the categories voting in it.</summary>
public sealed record College(string EntityCode, string Code, string Label, int WeightPercent, IReadOnlySet<int> Categories, DateOnly From, string Source);

/// <summary>One dated setting of an entity's statutes (or of the law they follow), with its source.</summary>
public sealed record StatuteSetting(string EntityCode, string Code, DateOnly From, string Value, string Source);

/// <summary>
/// What each cooperative's statutes and the law fix for its register and its assemblies, as dated data with sources
/// (embedded CSV: <c>share-categories.csv</c>, <c>governance-colleges.csv</c>, <c>governance-statutes.csv</c>): the
/// nominal value of a share, the shares a coordinator holds and how the payroll deducts them, quorums, majorities,
/// notice, proxies, colleges and their weights. An entity without statutes here keeps no register.
/// </summary>
public static class Statutes
{
    public const string SharesNominal = "share_nominal_cents";
    public const string CoordinatorShares = "coordinator_shares";
    public const string DeductionMinNet = "deduction_min_net_cents";
    public const string DeductionNetFloor = "deduction_net_floor_cents";
    public const string PaymentYears = "payment_years";
    public const string RedemptionDelayMonths = "redemption_delay_months";
    public const string NoticeDaysFirst = "notice_days_first";
    public const string NoticeDaysSecond = "notice_days_second";
    public const string ProxyLimit = "proxy_limit";

    /// <summary>The category of the members who run an activity: they subscribe, and the payroll deducts their shares.</summary>
    public const int Coordinators = 1;

    private static readonly Lazy<IReadOnlyList<ShareCategory>> CategoryRows = new(() => Rows("share-categories.csv")
        .Select(f => new ShareCategory(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2])).ToList());

    private static readonly Lazy<IReadOnlyList<College>> CollegeRows = new(() => Rows("governance-colleges.csv")
        .Select(f => new College(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture),
            f[4].Split(' ').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToHashSet(), Day(f[5]), f[6])).ToList());

    private static readonly Lazy<IReadOnlyList<StatuteSetting>> SettingRows = new(() => Rows("governance-statutes.csv")
        .Select(f => new StatuteSetting(f[0], f[1], Day(f[2]), f[3], f[4])).ToList());

    public static IReadOnlyList<ShareCategory> Categories => CategoryRows.Value;

    public static IReadOnlyList<StatuteSetting> Settings => SettingRows.Value;

    public static IReadOnlyList<College> AllColleges => CollegeRows.Value;

    /// <summary>The entities that keep a register (their statutes are here).</summary>
    public static IReadOnlyList<string> Entities => SettingRows.Value.Select(s => s.EntityCode).Distinct().ToList();

    public static bool KeepsRegister(string entityCode) => Entities.Contains(entityCode);

    public static string CategoryLabel(int category) => Categories.FirstOrDefault(c => c.Number == category)?.Label ?? $"Catégorie {category}";

    public static string Text(string entityCode, string code, DateOnly day) =>
        SettingRows.Value.Where(s => s.EntityCode == entityCode && s.Code == code && s.From <= day).MaxBy(s => s.From)?.Value
        ?? throw new InvalidOperationException($"No statute setting {code} for {entityCode} on {day:yyyy-MM-dd}.");

    public static long Number(string entityCode, string code, DateOnly day) => long.Parse(Text(entityCode, code, day), CultureInfo.InvariantCulture);

    public static Fraction Rule(string entityCode, string code, DateOnly day) => Fraction.Parse(Text(entityCode, code, day));

    /// <summary>The colleges in force on <paramref name="day"/>: for each college code, its latest row from before that day.</summary>
    public static IReadOnlyList<College> CollegesOn(string entityCode, DateOnly day) =>
        CollegeRows.Value.Where(c => c.EntityCode == entityCode && c.From <= day).GroupBy(c => c.Code).Select(g => g.MaxBy(c => c.From)!)
            .Where(c => c.WeightPercent > 0).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    public static College CollegeOf(string entityCode, int category, DateOnly day) =>
        CollegesOn(entityCode, day).FirstOrDefault(c => c.Categories.Contains(category))
        ?? throw new InvalidOperationException($"No college of {entityCode} takes category {category} on {day:yyyy-MM-dd}.");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string[]> Rows(string file) => Infrastructure.EmbeddedCsv.Rows(typeof(Statutes), file);
}
