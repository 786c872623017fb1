using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;

namespace Partage.App.Modules.Payroll;

/// <summary>A dated value payroll staff set for one of the uncertain parameters, from their own notice (the source).</summary>
public sealed class PayrollSetting
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public DateOnly From { get; init; }

    public decimal Value { get; init; }

    public string Source { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;
}

internal sealed class PayrollSettingConfiguration : IEntityTypeConfiguration<PayrollSetting>
{
    public void Configure(EntityTypeBuilder<PayrollSetting> builder)
    {
        builder.ToTable("payroll_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(60);
        builder.Property(s => s.Value).HasPrecision(18, 10);
        builder.Property(s => s.Source).HasMaxLength(500);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.Code, s.From }).IsUnique();
    }
}

public sealed record NewSettingInput(string? Code, string? From, string? Value, string? Source);

/// <summary>A dated value as staff see it; <see cref="ToConfirm"/> marks an open point of the research until staff enter their own value.</summary>
public sealed record ParameterView(string Code, DateOnly From, decimal? Value, string Source, bool IsSetting, string? SetBy, bool ToConfirm);

/// <summary>
/// The payroll parameters: the rows shipped with the engine (each with its source) and the dated
/// values payroll staff add for the settings. A value is never changed: a new one takes over from its date.
/// </summary>
public sealed class PayrollParameters(PartageDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Payroll staff's automatic validation rule: the largest gross (euros) validated as computed; 0: none.</summary>
    public const string AutoValidationCode = "validation_automatique_brut_max";

    private ParameterCatalog? catalog;

    public static IReadOnlySet<string> SettingCodes { get; } = ParameterCatalog.Shipped.Where(r => r.IsSetting).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The shipped rows with staff's values on top; read once per scope.</summary>
    public async Task<ParameterCatalog> CatalogAsync(CancellationToken ct = default) =>
        catalog ??= ParameterCatalog.Default.With((await db.Set<PayrollSetting>().AsNoTracking().ToListAsync(ct))
            .Select(s => new ParameterValue(s.Code, s.From, s.Value, $"{s.Source} (saisi par {s.CreatedBy} le {ParisTime.Local(s.CreatedAt):dd/MM/yyyy})", IsSetting: true)));

    public async Task<IReadOnlyList<ParameterView>> InForceAsync(DateOnly on, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var staff = (await db.Set<PayrollSetting>().AsNoTracking().ToListAsync(ct)).ToDictionary(s => (s.Code, s.From), s => s.CreatedBy);
        return (await CatalogAsync(ct)).InForce(on)
            .Select(r => new ParameterView(r.Code, r.From, r.Value, r.Source, r.IsSetting, staff.GetValueOrDefault((r.Code, r.From)), r.ToConfirm)).ToList();
    }

    /// <summary>Every value a setting had, oldest first, shipped or set by staff.</summary>
    public async Task<IReadOnlyList<ParameterView>> HistoryAsync(string code, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var staff = (await db.Set<PayrollSetting>().AsNoTracking().Where(s => s.Code == code).ToListAsync(ct)).ToDictionary(s => s.From, s => s.CreatedBy);
        return (await CatalogAsync(ct)).Rows.Where(r => r.Code == code)
            .Select(r => new ParameterView(r.Code, r.From, r.Value, r.Source, r.IsSetting, staff.GetValueOrDefault(r.From), r.ToConfirm)).ToList();
    }

    public async Task<ParameterView> AddAsync(NewSettingInput input, Actor actor, CancellationToken ct = default)
    {
        PayrollAccess.RequireStaff(actor);
        var v = new Infrastructure.Validation();
        var code = v.Required("Code", "Le paramètre", input.Code, 60);
        if (code.Length > 0 && !SettingCodes.Contains(code))
        {
            v.Add("Code", "Seuls les paramètres incertains (taux Congés Spectacles, Audiens, CMB, prévoyance, FNAS/FCAP, majoration des CDDU courts, plafond des techniciens, RGDU des artistes) se règlent ici ; les autres sont des valeurs légales livrées avec leur source.");
        }

        var from = v.Date("From", "La date d'effet", input.From, required: true);
        var value = v.Decimal("Value", "La valeur", input.Value, required: true);
        var source = v.Required("Source", "La source (avis, circulaire, accord)", input.Source, 500);
        if (value is { } given && code.Length > 0)
        {
            // Amounts in euros (the income tax grid's limits, the automatic validation's ceiling), a method, a switch; the rest are rates.
            var isAmount = code == AutoValidationCode || code.StartsWith("pas_neutre_seuil_", StringComparison.Ordinal);
            var problem = code switch
            {
                "plafond_techniciens_methode" when given is not (1 or 2 or 3) => "La méthode est 1 (plafond journalier × jours), 2 (trentièmes) ou 3 (heures).",
                "rgdu_artistes" when given is not (0 or 1) => "La valeur est 0 (RGDU non appliquée aux artistes) ou 1 (appliquée).",
                _ when isAmount && given < 0 => "Un montant en euros est positif.",
                not ("plafond_techniciens_methode" or "rgdu_artistes") when !isAmount && given is < 0 or >= 1 => "Un taux est une fraction entre 0 et 1 (0,154 pour 15,4 %).",
                _ => null,
            };
            if (problem is not null)
            {
                v.Add("Value", problem);
            }
        }

        v.ThrowIfInvalid();
        if (await db.Set<PayrollSetting>().AnyAsync(s => s.Code == code && s.From == from, ct))
        {
            throw new DomainException(PayrollErrors.SettingExists);
        }

        var setting = new PayrollSetting
        {
            Id = Guid.CreateVersion7(), Code = code, From = from!.Value, Value = value!.Value, Source = source, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(setting);
        audit.Record(actor, "payroll.setting_added", "payroll_setting", setting.Id.ToString(), null,
            new { setting.Code, From = setting.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), setting.Value, setting.Source });
        await db.SaveChangesAsync(ct);
        catalog = null;
        return new ParameterView(setting.Code, setting.From, setting.Value, setting.Source, true, actor.Name, false);
    }

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/parameters", async (string? date, PayrollParameters parameters, ActorAccessor actors, TimeProvider clock, CancellationToken ct) =>
            {
                var v = new Validation();
                var on = v.Date("date", "La date", date, required: false) ?? clock.Today();
                v.ThrowIfInvalid();
                return await parameters.InForceAsync(on, await actors.GetAsync(ct), ct);
            })
            .WithName("PayrollParameters").WithSummary("Les paramètres de paie en vigueur à une date, avec leur source (service paie)").ProducesProblems();
        staff.MapPost("/parameters", async (NewSettingInput input, PayrollParameters parameters, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await parameters.AddAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/payroll/parameters?date={added.From:yyyy-MM-dd}", added);
            })
            .WithName("AddPayrollSetting").WithSummary("Nouvelle valeur datée d'un paramètre incertain, d'après un avis de l'organisme (jamais une modification)").ProducesProblems();
    }
}
