using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Partage.App.Modules.Reporting;

/// <summary>
/// A yearly figure of a year before the platform (or of a table the platform does not compute), loaded by the history
/// import: for the group (scope ""), an entity (its code) or an office (its name); a table of <see cref="ReportCatalog"/>,
/// a row, a year, a value. Loading the same figure again replaces it. Totals and progressions are never stored.
/// </summary>
public sealed class HistoryFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Scope { get; init; } = string.Empty;

    public string Table { get; init; } = string.Empty;

    public string Row { get; init; } = string.Empty;

    public int Year { get; init; }

    public decimal Value { get; set; }

    /// <summary>Where it comes from ("rapport d'activité 2016", the file imported).</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The row's place in its table (the order of the file).</summary>
    public int Position { get; set; }

    public DateTime ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;
}

internal sealed class HistoryFigureConfiguration : IEntityTypeConfiguration<HistoryFigure>
{
    public void Configure(EntityTypeBuilder<HistoryFigure> builder)
    {
        builder.ToTable("reporting_history");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Scope).HasMaxLength(100);
        builder.Property(f => f.Table).HasMaxLength(60);
        builder.Property(f => f.Row).HasMaxLength(120);
        builder.Property(f => f.Value).HasPrecision(18, 2);
        builder.Property(f => f.Source).HasMaxLength(200);
        builder.Property(f => f.ImportedBy).HasMaxLength(200);
        builder.HasIndex(f => new { f.Scope, f.Table, f.Row, f.Year }).IsUnique();
        builder.HasIndex(f => new { f.Scope, f.Year });
    }
}
