using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Activities;
using Partage.App.Modules.LegalEntities;

namespace Partage.App.Modules.Ledger;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("ledger_accounts", t => t.HasCheckConstraint("ck_ledger_accounts_number", "length(number) >= 3"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.Property(a => a.Label).HasMaxLength(200);
        builder.Property(a => a.AuxiliaryCode).HasMaxLength(40);
        builder.Property(a => a.AuxiliaryLabel).HasMaxLength(200);
        builder.Property(a => a.OwnerType).HasMaxLength(30);
        builder.Ignore(a => a.Class);
        builder.HasIndex(a => new { a.LegalEntityId, a.Number, a.AuxiliaryCode }).IsUnique();
        builder.HasIndex(a => new { a.OwnerType, a.OwnerId });
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(a => a.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(ChartOfAccounts.Entities.SelectMany(entity => ChartOfAccounts.Standard.Select(a => new LedgerAccount
        {
            Id = ChartOfAccounts.StandardAccountId(entity, a.Number),
            LegalEntityId = entity,
            Number = a.Number,
            Label = a.Label,
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        })));
    }
}

internal sealed class JournalConfiguration : IEntityTypeConfiguration<Journal>
{
    public void Configure(EntityTypeBuilder<Journal> builder)
    {
        builder.ToTable("ledger_journals");
        builder.HasKey(j => new { j.LegalEntityId, j.Code });
        builder.Property(j => j.Code).HasMaxLength(10);
        builder.Property(j => j.Label).HasMaxLength(100);
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(j => j.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(ChartOfAccounts.Entities.SelectMany(entity =>
            ChartOfAccounts.Journals.Select(j => new Journal { LegalEntityId = entity, Code = j.Code, Label = j.Label })));
    }
}

internal sealed class FiscalYearConfiguration : IEntityTypeConfiguration<FiscalYear>
{
    public void Configure(EntityTypeBuilder<FiscalYear> builder)
    {
        builder.ToTable("ledger_fiscal_years", t => t.HasCheckConstraint("ck_ledger_fiscal_years_dates", "ends_on >= starts_on"));
        builder.HasKey(f => f.Id);
        builder.Ignore(f => f.Range);
        builder.HasIndex(f => new { f.LegalEntityId, f.StartsOn }).IsUnique();
        builder.HasOne<LegalEntity>().WithMany().HasForeignKey(f => f.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClosedPeriodConfiguration : IEntityTypeConfiguration<ClosedPeriod>
{
    public void Configure(EntityTypeBuilder<ClosedPeriod> builder)
    {
        builder.ToTable("ledger_closed_periods", t => t.HasCheckConstraint("ck_ledger_closed_periods_month", "month BETWEEN 1 AND 12"));
        builder.HasKey(p => new { p.LegalEntityId, p.Year, p.Month });
        builder.Property(p => p.ClosedBy).HasMaxLength(256);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_entries_number", "number > 0"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.JournalCode).HasMaxLength(10);
        builder.Property(e => e.Label).HasMaxLength(200);
        builder.Property(e => e.SourceType).HasMaxLength(40);
        builder.Property(e => e.SourceId).HasMaxLength(100);
        builder.Property(e => e.PieceRef).HasMaxLength(60);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.PostedBy).HasMaxLength(256);
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();
        builder.HasIndex(e => new { e.LegalEntityId, e.JournalCode, e.FiscalYearId, e.Number }).IsUnique();
        builder.HasIndex(e => new { e.LegalEntityId, e.AccountingDate });
        builder.HasIndex(e => new { e.SourceType, e.SourceId });
        builder.HasIndex(e => e.ReversesEntryId).IsUnique();
        builder.HasOne<Journal>().WithMany().HasForeignKey(e => new { e.LegalEntityId, e.JournalCode }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FiscalYear>().WithMany().HasForeignKey(e => e.FiscalYearId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Postings).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> builder)
    {
        builder.ToTable("ledger_postings", t =>
        {
            t.HasCheckConstraint("ck_ledger_postings_amount_positive", "amount > 0");
            t.HasCheckConstraint("ck_ledger_postings_side", "side IN ('D', 'C')");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Side).HasConversion(s => s == Side.Debit ? "D" : "C", s => s == "D" ? Side.Debit : Side.Credit).HasMaxLength(1);
        builder.Property(p => p.Label).HasMaxLength(200);
        builder.Ignore(p => p.Signed);
        builder.HasIndex(p => new { p.EntryId, p.LineNumber }).IsUnique();
        builder.HasIndex(p => new { p.AccountId, p.EntryId });
        builder.HasIndex(p => new { p.ActivityId, p.AccountingDate, p.EntryId, p.LineNumber });
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Activity>().WithMany().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetteringConfiguration : IEntityTypeConfiguration<Lettering>
{
    public void Configure(EntityTypeBuilder<Lettering> builder)
    {
        builder.ToTable("ledger_letterings");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Code).HasMaxLength(10);
        builder.HasIndex(l => new { l.LegalEntityId, l.Code }).IsUnique();
    }
}

internal sealed class LetteredPostingConfiguration : IEntityTypeConfiguration<LetteredPosting>
{
    public void Configure(EntityTypeBuilder<LetteredPosting> builder)
    {
        builder.ToTable("ledger_lettered_postings");
        builder.HasKey(l => l.PostingId);   // a posting is lettered at most once
        builder.HasOne<Lettering>().WithMany().HasForeignKey(l => l.LetteringId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Posting>().WithMany().HasForeignKey(l => l.PostingId).OnDelete(DeleteBehavior.Restrict);
    }
}
