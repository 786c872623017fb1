using System.Globalization;
using Partage.App.Infrastructure.Pdf;
using Partage.Kernel;

namespace Partage.App.Modules.Governance;

/// <summary>The register's and the assemblies' printed documents: share certificate, register, convocation, minutes.</summary>
public static class GovernanceDocuments
{
    private static readonly CultureInfo French = Kernel.French.Culture;

    public static byte[] Certificate(string entity, ShareholderView holder, ShareMovementView movement, Holding after)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(movement);
        ArgumentNullException.ThrowIfNull(after);
        using var pdf = new PdfDocumentWriter($"Certificat {movement.Number}", entity);
        pdf.Title("Certificat d'inscription au registre des parts sociales");
        pdf.Line(entity, strong: true);
        pdf.Space();
        pdf.Paragraph($"Il est certifié que le mouvement n° {movement.Number} est inscrit au registre des parts sociales, au nom de {holder.Name}, sociétaire n° {holder.Number} ({holder.CategoryLabel}).");
        pdf.Table(["Mouvement", "Date", "Parts", "Capital souscrit", "Capital libéré"], [150, 70, 50, 100, 100], new HashSet<int> { 2, 3, 4 },
            [[$"{movement.KindLabel}{(movement.Means is null ? string.Empty : $" ({GovernanceLabels.Of(movement.Means)})")}", $"{movement.On:dd/MM/yyyy}",
              movement.Shares.ToString(French), movement.Subscribed.ToDisplayString(), movement.Paid.ToDisplayString()]]);
        pdf.Space();
        pdf.Paragraph($"Après ce mouvement, {holder.Name} détient {Kernel.French.Count(after.Shares, "part")} : {Money.Eur(after.SubscribedCents).ToDisplayString()} souscrits, dont {Money.Eur(after.PaidCents).ToDisplayString()} libérés.");
        if (movement.Decision is { } decision)
        {
            pdf.Paragraph($"Décision : {decision}.");
        }

        pdf.Paragraph($"Inscrit par {movement.RecordedBy}. Empreinte du mouvement (SHA-256) : {movement.Seal}");
        pdf.Paragraph("Les parts sociales sont nominatives ; leur cession est soumise à l'agrément prévu par les statuts. Ce certificat n'est pas un titre négociable.");
        return Save(pdf);
    }

    public static byte[] Register(string entity, ShareRegisterView register, IReadOnlyList<ShareMovementLine> movements)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(movements);
        using var pdf = new PdfDocumentWriter($"Registre des parts sociales au {register.Date:dd/MM/yyyy}", entity);
        pdf.Title("Registre des parts sociales");
        pdf.Line(entity, strong: true);
        pdf.Line($"Arrêté au {register.Date:dd/MM/yyyy} : {Kernel.French.Count(register.Shareholders, "sociétaire")}, {Kernel.French.Count(register.Shares, "part")}, capital souscrit {register.Capital.ToDisplayString()} dont {register.PaidCapital.ToDisplayString()} libérés.", strong: true);
        pdf.Space();
        pdf.Line("Sociétaires par catégorie", strong: true);
        pdf.Table(["Catégorie", "Sociétaires", "Parts", "Capital"], [230, 70, 70, 100], new HashSet<int> { 1, 2, 3 },
            register.ByCategory.Select(c => (IReadOnlyList<string>)[$"{c.Category} — {c.Label}", c.Shareholders.ToString(French), c.Shares.ToString(French), c.Capital.ToDisplayString()]));
        pdf.Space();
        pdf.Line("Mouvements, dans l'ordre de leur inscription", strong: true);
        pdf.Table(["N°", "Date", "Sociétaire", "Mouvement", "Parts", "Souscrit", "Libéré"], [75, 55, 120, 90, 35, 60, 60], new HashSet<int> { 4, 5, 6 },
            movements.Select(m => (IReadOnlyList<string>)[m.Number, $"{m.On:dd/MM/yyyy}", $"{m.HolderNumber} {m.HolderName}", m.KindLabel, m.Shares.ToString(French), m.Subscribed.ToDisplayString(), m.Paid.ToDisplayString()]));
        pdf.Space();
        pdf.Line("Détention par sociétaire", strong: true);
        pdf.Table(["N°", "Sociétaire", "Catégorie", "Parts", "Souscrit", "Libéré"], [40, 160, 120, 40, 65, 65], new HashSet<int> { 3, 4, 5 },
            register.Lines.Select(l => (IReadOnlyList<string>)[l.Number?.ToString(French) ?? string.Empty, l.Name + (l.Active ? string.Empty : " (sorti)"), l.CategoryLabel, l.Shares.ToString(French), l.Subscribed.ToDisplayString(), l.Paid.ToDisplayString()]));
        return Save(pdf);
    }

    public static byte[] Convocation(string entity, AssemblyView assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var pdf = new PdfDocumentWriter($"Convocation {assembly.Number}", entity);
        pdf.Title($"Convocation — {assembly.KindLabel}");
        pdf.Line(entity, strong: true);
        pdf.Space();
        pdf.Paragraph($"Les sociétaires de {entity} sont convoqués à l'{assembly.KindLabel.ToLower(French)} « {assembly.Title} » ({(assembly.Call == 1 ? "première convocation" : "deuxième convocation")}), le {When(assembly.MeetingAt)}, {assembly.Place}.");
        pdf.Paragraph($"Le vote à distance est ouvert dans Partage du {When(assembly.VotingOpensAt)} au {When(assembly.VotingClosesAt)} ; chaque vote reçoit un accusé de réception. Un sociétaire empêché peut donner pouvoir à un autre sociétaire (au plus {assembly.ProxyLimit} pouvoirs par personne).");
        pdf.Paragraph("Un associé, une voix, pondérée par le collège de vote : " + string.Join(" ; ", assembly.Colleges.Select(c => $"{c.Label} {c.WeightPercent} %")) + ".");
        pdf.Space();
        pdf.Line("Ordre du jour", strong: true);
        foreach (var r in assembly.Resolutions)
        {
            pdf.Paragraph($"Résolution {r.Number} — {r.Title} ({(r.Kind == ResolutionKind.Extraordinary ? "extraordinaire : deux tiers des voix exprimées" : "ordinaire : majorité des voix exprimées")}{(r.Secret ? ", à bulletin secret" : string.Empty)}). {r.Text}"
                + (r.Documents.Count == 0 ? string.Empty : $" Documents joints, à lire dans Partage : {string.Join(", ", r.Documents.Select(d => d.Name))}."));
        }

        return Save(pdf);
    }

    public static byte[] Minutes(string entity, AssemblyView assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var pdf = new PdfDocumentWriter($"Procès-verbal {assembly.Number}", entity);
        pdf.Title($"Procès-verbal — {assembly.KindLabel}");
        pdf.Line($"{entity} — {assembly.Title} — {When(assembly.MeetingAt)}, {assembly.Place}", strong: true);
        pdf.Space();
        pdf.Paragraph($"Sur {Kernel.French.Count(assembly.Eligible, "sociétaire")} appelés à voter, {assembly.Present} ont voté, eux-mêmes ou par procuration ({Kernel.French.Count(assembly.Proxies, "pouvoir")}). Vote clos le {(assembly.ClosedAt is { } closed ? When(closed) : "—")} par {assembly.ClosedBy}.");
        pdf.Table(["Collège", "Poids", "Appelés", "Votants", "Participation"], [200, 50, 60, 60, 80], new HashSet<int> { 1, 2, 3, 4 },
            assembly.Turnout.Select(t => (IReadOnlyList<string>)[t.Label, $"{t.WeightPercent} %", t.Eligible.ToString(French), t.Present.ToString(French), $"{t.Percent.ToString("0.##", French)} %"]));
        foreach (var r in assembly.Resolutions.Where(r => r.Result is not null))
        {
            var result = r.Result!;
            pdf.Space();
            pdf.Line($"Résolution {r.Number} — {r.Title} : {result.Outcome}{(result.QuorumReached && result.Colleges.Any(c => c.Counted) ? $" ({result.WeightedForPercent.ToString("0.##", French)} % pondérés pour ; majorité requise : {result.Majority})" : string.Empty)}", strong: true);
            pdf.Paragraph(r.Text);
            pdf.Table(["Collège", "Pour", "Contre", "Abst.", "Blanc", "% pour", "Poids retenu"], [150, 40, 45, 40, 40, 55, 70], new HashSet<int> { 1, 2, 3, 4, 5, 6 },
                result.Colleges.Select(c => (IReadOnlyList<string>)[c.Label + (c.Counted ? string.Empty : $" (non compté : {c.NotCountedBecause})"), c.For.ToString(French), c.Against.ToString(French),
                    c.Abstain.ToString(French), c.Blank.ToString(French), $"{c.ForPercent.ToString("0.##", French)} %", $"{c.EffectiveWeightPercent.ToString("0.##", French)} %"]));
            if (r.Secret)
            {
                pdf.Paragraph("Vote à bulletin secret : seuls les totaux sont conservés.");
            }
        }

        pdf.Space();
        pdf.Paragraph($"Quorum requis ({(assembly.Call == 1 ? "première" : "deuxième")} convocation) : {string.Join(" ; ", assembly.Resolutions.Select(r => r.Result).OfType<ResolutionResult>().Select(r => $"{(r.Kind == ResolutionKind.Ordinary ? "ordinaire" : "extraordinaire")} {r.Quorum}").Distinct())}. Abstentions et votes blancs ne sont pas des voix exprimées.");
        return Save(pdf);
    }

    /// <summary>An instant as Paris reads it: "16/05/2027 à 18:00".</summary>
    public static string When(DateTime utc) => ParisTime.Local(utc).ToString("dd/MM/yyyy 'à' HH:mm", French);

    private static byte[] Save(PdfDocumentWriter pdf)
    {
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }
}
