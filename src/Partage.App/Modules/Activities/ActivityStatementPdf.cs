using System.Globalization;
using Partage.App.Infrastructure.Pdf;
using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.App.Modules.Activities;

/// <summary>The activity statement as a PDF the member can keep: the same lines and balances as the page.</summary>
public static class ActivityStatementPdf
{
    public static void Write(ActivityStatement statement, ActivityView activity, DateTimeOffset generatedAt, Stream output)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(activity);
        var title = $"Relevé des mouvements — {activity.Name}";
        using var pdf = new PdfDocumentWriter(title, activity.LegalEntityName);
        pdf.Title(title);
        pdf.Line($"Membre : {activity.MemberName} (n° {activity.MemberNumber.ToString(CultureInfo.InvariantCulture)})");
        pdf.Line($"{activity.LegalEntityName} — {activity.ModuleName}");
        pdf.Line($"Période : {(statement.From is { } f ? f.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "origine")} au {(statement.To is { } t ? t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "ce jour")}");
        pdf.Line($"Édité le {ParisTime.Local(generatedAt):dd/MM/yyyy HH:mm} (heure de Paris)");
        pdf.Space();
        var rows = new List<IReadOnlyList<string>> { new[] { string.Empty, "Solde au début de la période", string.Empty, string.Empty, statement.OpeningBalance.ToDisplayString() } };
        rows.AddRange(statement.Lines.Select(l => (IReadOnlyList<string>)
            [l.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), l.Label, l.PieceRef, l.Amount.ToDisplayString(), l.RunningBalance.ToDisplayString()]));
        rows.Add([string.Empty, "Solde à la fin de la période", string.Empty, string.Empty, statement.ClosingBalance.ToDisplayString()]);
        pdf.Table(["Date", "Libellé", "Pièce", "Montant", "Solde"], [1.1, 3.6, 2.0, 1.4, 1.4], new HashSet<int> { 3, 4 }, rows);
        pdf.Save(output);
    }
}
