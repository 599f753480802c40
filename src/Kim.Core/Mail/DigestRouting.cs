namespace Kim.Core.Mail;

/// <summary>
/// Who receives which due item: the assigned case manager; for an unassigned case, every case
/// manager of its municipality. An assignee who is no longer among the case managers of the
/// case's municipality counts as unassigned, so that no item falls through the gap.
/// </summary>
public static class DigestRouting
{
    public static DigestRoutingResult Route(IEnumerable<RoutableDueItem> items, IEnumerable<CaseManagerContact> caseManagers)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(caseManagers);
        var staff = caseManagers.DistinctBy(c => c.StaffId, StringComparer.Ordinal).ToList();
        var byMunicipality = staff.ToLookup(c => c.Municipality);
        var perRecipient = new Dictionary<string, List<DueItem>>(StringComparer.Ordinal);
        var unroutable = new List<RoutableDueItem>();

        foreach (var item in items)
        {
            var local = byMunicipality[item.Municipality].ToList();
            var assignee = item.AssigneeId is null ? null : local.Find(c => c.StaffId == item.AssigneeId);
            IReadOnlyList<CaseManagerContact> recipients = assignee is not null ? [assignee] : local;
            if (recipients.Count == 0)
            {
                unroutable.Add(item);
                continue;
            }

            foreach (var recipient in recipients)
            {
                if (!perRecipient.TryGetValue(recipient.StaffId, out var list))
                {
                    perRecipient[recipient.StaffId] = list = [];
                }

                if (!list.Contains(item.Item))
                {
                    list.Add(item.Item);
                }
            }
        }

        var batches = staff
            .Where(c => perRecipient.ContainsKey(c.StaffId))
            .OrderBy(c => c.StaffId, StringComparer.Ordinal)
            .Select(c => new DigestBatch(c, perRecipient[c.StaffId]))
            .ToList();
        return new DigestRoutingResult(batches, unroutable);
    }
}
