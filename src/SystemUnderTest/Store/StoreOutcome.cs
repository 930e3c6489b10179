namespace SystemUnderTest.Store;

public enum StoreOutcome
{
    Stored,
    Duplicate,
}
