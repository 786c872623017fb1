using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger;

/// <summary>
/// A dated rule of the cooperative's fee for one entity and business module: a rate on the amount
/// excl. VAT, split into shares (each to its account), with an optional cap per document and an
/// optional fixed monthly amount. A change of rate is a new rule from a later date; rules are
/// never edited.
/// </summary>
public sealed class FeeRule
{
    public Guid Id { get; init; }

    public LegalEntityId LegalEntityId { get; init; }

    public string ModuleCode { get; init; } = string.Empty;

    public DateOnly ValidFrom { get; init; }

    /// <summary>Percentage of the amount excl. VAT, e.g. 6.5.</summary>
    public decimal RatePercent { get; init; }

    public long? CapPerDocumentCents { get; init; }

    public long? FixedMonthlyCents { get; init; }

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public List<FeeShare> Shares { get; init; } = [];
}

public sealed class FeeShare
{
    public Guid FeeRuleId { get; init; }

    public int Position { get; init; }

    public string Label { get; init; } = string.Empty;

    /// <summary>The share's weight in rate points (2 and 4.5 for a 6.5 % fee).</summary>
    public decimal Points { get; init; }

    public string AccountNumber { get; init; } = string.Empty;
}

public sealed record FeeShareAmount(string Label, string AccountNumber, Money Amount);

public sealed record FeeComputation(Guid RuleId, decimal RatePercent, Money Base, Money Total, IReadOnlyList<FeeShareAmount> Shares);

public sealed record FeeRuleView(Guid Id, string Entity, string Module, DateOnly ValidFrom, decimal RatePercent, long? CapPerDocumentCents, long? FixedMonthlyCents, IReadOnlyList<(string Label, decimal Points, string Account)> Shares);

public sealed record NewFeeRuleInput(string? Entity, string? Module, string? ValidFrom, decimal? RatePercent, long? CapPerDocumentCents, long? FixedMonthlyCents, IReadOnlyList<NewFeeShareInput>? Shares);

public sealed record NewFeeShareInput(string? Label, decimal? Points, string? AccountNumber);

public sealed class CooperativeFees(PartageDbContext db, ILegalEntitiesApi entities, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The fee on <paramref name="baseAmount"/> (excl. VAT) under the rule in force on <paramref name="date"/>.</summary>
    public async Task<FeeComputation> ComputeAsync(LegalEntityId entity, string module, DateOnly date, Money baseAmount, CancellationToken ct = default)
    {
        var rule = await RuleInForceAsync(entity, module, date, ct)
            ?? throw new DomainException(new ErrorCode("ledger.no_fee_rule", "Aucune règle de contribution coopérative n'est en vigueur à cette date pour ce module."));
        return Compute(rule, baseAmount);
    }

    public async Task<decimal?> RateAsync(LegalEntityId entity, string module, DateOnly date, CancellationToken ct = default) =>
        (await RuleInForceAsync(entity, module, date, ct))?.RatePercent;

    /// <summary>The fixed monthly amount of the rule in force on <paramref name="date"/>, split into its shares; null when the rule has none.</summary>
    public async Task<FeeComputation?> FixedMonthlyAsync(LegalEntityId entity, string module, DateOnly date, CancellationToken ct = default)
    {
        var rule = await RuleInForceAsync(entity, module, date, ct);
        return rule?.FixedMonthlyCents is > 0 ? Split(rule, Money.ZeroEur, Money.Eur(rule.FixedMonthlyCents.Value)) : null;
    }

    /// <summary>
    /// The fee rounded once to the cent (half away from zero) on the document, capped, then split
    /// into its shares with <see cref="Money.Allocate(IReadOnlyList{decimal})"/>: the shares add up to the fee.
    /// </summary>
    public static FeeComputation Compute(FeeRule rule, Money baseAmount)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var total = Rate.FromPercent(rule.RatePercent).AppliedTo(baseAmount);
        if (rule.CapPerDocumentCents is { } cap && total.Cents > cap)
        {
            total = Money.Eur(cap);
        }

        return Split(rule, baseAmount, total);
    }

    private static FeeComputation Split(FeeRule rule, Money baseAmount, Money total)
    {
        var shares = rule.Shares.OrderBy(s => s.Position).ToList();
        var parts = shares.Count == 0 ? [] : total.Allocate(shares.Select(s => s.Points).ToArray());
        return new FeeComputation(rule.Id, rule.RatePercent, baseAmount, total,
            shares.Select((s, i) => new FeeShareAmount(s.Label, s.AccountNumber, parts[i])).ToList());
    }

    private Task<FeeRule?> RuleInForceAsync(LegalEntityId entity, string module, DateOnly date, CancellationToken ct) =>
        db.Set<FeeRule>().AsNoTracking().Include(r => r.Shares)
            .Where(r => r.LegalEntityId == entity && r.ModuleCode == module && r.ValidFrom <= date)
            .OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The posting lines of a fee, to add to the document's own entry: the activity's revenue is
    /// debited by the fee, each share's account credited.
    /// </summary>
    public async Task<IReadOnlyList<PostingLine>> LinesAsync(ILedgerApi ledger, LegalEntityId entity, FeeComputation fee, ActivityId activity, CancellationToken ct = default, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(fee);
        if (fee.Total.IsZero)
        {
            return [];
        }

        var lines = new List<PostingLine> { new(await ledger.AccountAsync(entity, ChartOfAccounts.Services, ct), Side.Debit, fee.Total, activity, label ?? $"Contribution coopérative {fee.RatePercent:0.##} %") };
        foreach (var share in fee.Shares.Where(s => !s.Amount.IsZero))
        {
            lines.Add(new PostingLine(await ledger.AccountAsync(entity, share.AccountNumber, ct), Side.Credit, share.Amount, null, share.Label));
        }

        return lines;
    }

    public async Task<IReadOnlyList<FeeRuleView>> ListAsync(CancellationToken ct = default)
    {
        var codes = await entities.CodesAsync(ct);
        var rules = await db.Set<FeeRule>().AsNoTracking().Include(r => r.Shares).OrderBy(r => r.ModuleCode).ThenByDescending(r => r.ValidFrom).ToListAsync(ct);
        return rules.Select(r => new FeeRuleView(r.Id, codes[r.LegalEntityId], r.ModuleCode, r.ValidFrom, r.RatePercent, r.CapPerDocumentCents, r.FixedMonthlyCents,
            r.Shares.OrderBy(s => s.Position).Select(s => (s.Label, s.Points, s.AccountNumber)).ToList())).ToList();
    }

    /// <summary>A new rule from a date (finance staff). Shares must add up to the rate.</summary>
    public async Task<FeeRuleView> AddAsync(NewFeeRuleInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!LedgerAccess.KeepsTheBooks(actor))
        {
            throw new DomainException(LedgerErrors.NotFound);
        }

        var v = new Validation();
        var from = v.Date(nameof(input.ValidFrom), "La date d'effet", input.ValidFrom, required: true);
        var entity = (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, input.Entity?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entity is null)
        {
            v.Add(nameof(input.Entity), "Entité inconnue (SCIC, LNA ou GE).");
        }
        else if (!entity.Modules.Contains(input.Module ?? string.Empty))
        {
            v.Add(nameof(input.Module), "Cette entité ne porte pas ce module.");
        }

        var shares = CheckFigures(input, v);
        v.ThrowIfInvalid();
        foreach (var share in shares)
        {
            if (!await db.Set<LedgerAccount>().AnyAsync(a => a.LegalEntityId == entity!.Id && a.Number == share.AccountNumber && a.AuxiliaryCode == null, ct))
            {
                v.Add(nameof(input.Shares), $"Le compte {share.AccountNumber} n'existe pas pour {entity!.Code}.");
            }
        }

        v.ThrowIfInvalid();
        var rule = new FeeRule
        {
            Id = Guid.CreateVersion7(), LegalEntityId = entity!.Id, ModuleCode = input.Module!, ValidFrom = from!.Value, RatePercent = input.RatePercent!.Value,
            CapPerDocumentCents = input.CapPerDocumentCents, FixedMonthlyCents = input.FixedMonthlyCents, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        rule.Shares.AddRange(shares.Select((s, i) => new FeeShare { FeeRuleId = rule.Id, Position = i + 1, Label = s.Label!.Trim(), Points = s.Points!.Value, AccountNumber = s.AccountNumber!.Trim() }));
        db.Add(rule);
        audit.Record(actor, "ledger.fee_rule_added", "fee_rule", rule.Id.ToString(), null, new { entity.Code, rule.ModuleCode, rule.ValidFrom, rule.RatePercent, Shares = shares });
        await db.SaveChangesAsync(ct);
        return new FeeRuleView(rule.Id, entity.Code, rule.ModuleCode, rule.ValidFrom, rule.RatePercent, rule.CapPerDocumentCents, rule.FixedMonthlyCents,
            rule.Shares.Select(s => (s.Label, s.Points, s.AccountNumber)).ToList());
    }

    /// <summary>The rate, its shares (adding up to it, each with its account) and the cap and monthly amount, checked.</summary>
    private static IReadOnlyList<NewFeeShareInput> CheckFigures(NewFeeRuleInput input, Validation v)
    {
        if (input.RatePercent is not (>= 0 and <= 100))
        {
            v.Add(nameof(input.RatePercent), "Le taux est un pourcentage entre 0 et 100.");
        }

        var shares = input.Shares ?? [];
        if (shares.Count == 0 || shares.Any(s => s.Points is not > 0 || string.IsNullOrWhiteSpace(s.Label) || string.IsNullOrWhiteSpace(s.AccountNumber)))
        {
            v.Add(nameof(input.Shares), "Chaque part a un libellé, un nombre de points positif et un compte.");
        }
        else if (shares.Sum(s => s.Points!.Value) != input.RatePercent)
        {
            v.Add(nameof(input.Shares), "La somme des parts doit égaler le taux.");
        }

        if (input.CapPerDocumentCents is <= 0 || input.FixedMonthlyCents is < 0)
        {
            v.Add(nameof(input.CapPerDocumentCents), "Le plafond et le forfait mensuel sont des montants positifs.");
        }

        return shares;
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/fee-rules", async (CooperativeFees fees, ActorAccessor actors, CancellationToken ct) =>
            {
                LedgerAccess.RequireBooks(await actors.GetAsync(ct));
                return (await fees.ListAsync(ct)).Select(r => new
                {
                    r.Id, r.Entity, r.Module, r.ValidFrom, r.RatePercent, r.CapPerDocumentCents, r.FixedMonthlyCents,
                    Shares = r.Shares.Select(s => new { s.Label, s.Points, s.Account }),
                });
            })
            .WithName("ListFeeRules").WithSummary("Règles de contribution coopérative datées");
        ledger.MapPost("/fee-rules", async (NewFeeRuleInput input, CooperativeFees fees, ActorAccessor actors, CancellationToken ct) =>
            {
                var rule = await fees.AddAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created("/api/v1/ledger/fee-rules", new { rule.Id, rule.Entity, rule.Module, rule.ValidFrom, rule.RatePercent });
            })
            .WithName("AddFeeRule").WithSummary("Nouvelle règle de contribution à partir d'une date (finance)").ProducesProblems();
    }
}

internal sealed class FeeRuleConfiguration : IEntityTypeConfiguration<FeeRule>
{
    public void Configure(EntityTypeBuilder<FeeRule> builder)
    {
        builder.ToTable("ledger_fee_rules");   // no CHECK on decimals: SQLite stores them as text
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ModuleCode).HasMaxLength(30);
        builder.Property(r => r.RatePercent).HasPrecision(7, 4);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.LegalEntityId, r.ModuleCode, r.ValidFrom });
        builder.HasMany(r => r.Shares).WithOne().HasForeignKey(s => s.FeeRuleId);
        builder.HasOne<OfferedModule>().WithMany().HasForeignKey(r => new { r.LegalEntityId, r.ModuleCode }).OnDelete(DeleteBehavior.Restrict);
        var rules = DefaultRules().ToList();
        builder.HasData(rules.Select(r => new FeeRule { Id = r.Id, LegalEntityId = r.Entity, ModuleCode = r.Module, ValidFrom = new DateOnly(2026, 1, 1), RatePercent = 6.5m, CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), CreatedBy = "référence" }));
    }

    /// <summary>6.5 % excl. VAT: 2 points to the guarantee fund, 4.5 to running costs (2016 report), from 2026-01-01, for every module the entities carry.</summary>
    internal static IEnumerable<(Guid Id, LegalEntityId Entity, string Module)> DefaultRules() =>
        new (LegalEntityId Entity, string Module)[]
        {
            (LegalEntitiesReferenceData.Scic, BusinessModules.Projects), (LegalEntitiesReferenceData.Scic, BusinessModules.Audiovisual),
            (LegalEntitiesReferenceData.Scic, BusinessModules.ContractManagement), (LegalEntitiesReferenceData.Lna, BusinessModules.Shows),
            (LegalEntitiesReferenceData.Ge, BusinessModules.Projects), (LegalEntitiesReferenceData.Ge, BusinessModules.Shows),
        }.Select(p => (new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"fee-rule:{p.Entity.Value}:{p.Module}:2026-01-01"))), p.Entity, p.Module));
}

internal sealed class FeeShareConfiguration : IEntityTypeConfiguration<FeeShare>
{
    public void Configure(EntityTypeBuilder<FeeShare> builder)
    {
        builder.ToTable("ledger_fee_shares");
        builder.HasKey(s => new { s.FeeRuleId, s.Position });
        builder.Property(s => s.Label).HasMaxLength(100);
        builder.Property(s => s.Points).HasPrecision(7, 4);
        builder.Property(s => s.AccountNumber).HasMaxLength(20);
        builder.HasData(FeeRuleConfiguration.DefaultRules().SelectMany(r => new[]
        {
            new FeeShare { FeeRuleId = r.Id, Position = 1, Label = "Fonds de garantie", Points = 2m, AccountNumber = ChartOfAccounts.GuaranteeFund },
            new FeeShare { FeeRuleId = r.Id, Position = 2, Label = "Fonctionnement", Points = 4.5m, AccountNumber = ChartOfAccounts.CooperativeFee },
        }));
    }
}
