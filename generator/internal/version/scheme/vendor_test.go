package scheme

import "testing"

// Each scheme's ordering facts, as its owner documents them.

func TestPANOS(t *testing.T) {
	s := MustLookup("panos")
	checkOrder(t, s, []cmpCase{
		{"10.2.9-h1", "10.2.9", 1},
		{"10.2.9-h1", "10.2.9-h2", -1},
		{"10.2.9-h10", "10.2.9-h9", 1},
		{"10.2.9-h1", "10.2.10", -1},
		{"11.1.2-h3", "11.1.2", 1},
		{"10.2.9.h1", "10.2.9-H1", 0},
		{"10.2", "10.2.0", 0},
	})
	checkReject(t, s, []string{"10.2.9-b1", "10.2.x", "PAN-OS 10.2.9", "10.2.9-h", "10.2.9-h1-h2"})
}

func TestJunos(t *testing.T) {
	s := MustLookup("junos")
	checkOrder(t, s, []cmpCase{
		{"21.4R3-S5", "21.4R3", 1},
		{"21.4R3-S5", "21.4R3-S4", 1},
		{"21.4R3-S10", "21.4R3-S9", 1},
		{"21.4R3-S5", "21.4R4", -1},
		{"21.4R3-S5.3", "21.4R3-S5", 1},
		{"21.4", "21.4R1", -1},
		{"21.4B1", "21.4R1", -1},
		{"21.4R1", "21.4X1", -1},
		{"15.1X49-D200", "15.1X49-D190", 1},
		{"22.4R1-EVO", "22.4R1", 0},
		{"21.4r3-s5", "21.4R3-S5", 0},
		{"21.4R3-S5", "22.1R1", -1},
	})
	checkReject(t, s, []string{"21", "21.4R", "21.4R3-S", "21.4.1R3", "21.4R3 S5"})
}

func TestBIND(t *testing.T) {
	s := MustLookup("bind")
	checkOrder(t, s, []cmpCase{
		{"9.11.4-P2", "9.11.4", 1},
		{"9.11.4-P2", "9.11.4-P1", 1},
		{"9.11.4-P2", "9.11.5", -1},
		{"9.11.4-S1", "9.11.4-P2", 1},
		{"9.18.0rc1", "9.18.0", -1},
		{"9.18.0b1", "9.18.0rc1", -1},
		{"9.18.0a1", "9.18.0b1", -1},
		{"9.9.3-S1-P1", "9.9.3-S1", 1},
		{"9.11.4-p2", "9.11.4-P2", 0},
	})
	checkReject(t, s, []string{"9.11.4-X1", "9.11.4-P", "BIND 9.11.4"})
}

func TestGitLab(t *testing.T) {
	s := MustLookup("gitlab")
	checkOrder(t, s, []cmpCase{
		{"14.6.0-ee", "14.6.0", 0},
		{"14.6.0-ce", "14.6.0-ee", 0},
		{"14.6.0-ee.0", "14.6.0", 0},
		{"14.6.1-ee", "14.6.0", 1},
		{"14.6.0-ee", "14.6.1", -1},
		{"16.0.0-rc42-ee", "16.0.0", -1},
		{"14.6.0-ee.1", "14.6.0-ee.0", 1},
	})
	checkReject(t, s, []string{"14.6.0-xe", "14.6.0-ee-ce"})
}

func TestJava(t *testing.T) {
	s := MustLookup("java")
	checkOrder(t, s, []cmpCase{
		{"8u361", "1.8.0_361", 0},
		{"1.8.0 update361", "1.8.0_361", 0},
		{"1.8.0 Update 361", "8u361", 0},
		{"8 Update 361", "8u361", 0},
		{"1.8.0_361-b09", "1.8.0_361", 0},
		{"1.8.0_392-b08", "1.8.0_392", 0},
		{"jdk8u362-b09", "8u362", 0},
		{"8u361-perf", "8u361", 0},
		{"1.8.0_371", "8u361", 1},
		{"1.8.0_361", "1.8.0_71", 1},
		{"11.0.18", "1.8.0_371", 1},
		{"17.0.7", "11.0.18", 1},
		{"11.0.18+10", "11.0.18", 0},
		{"jdk-17.0.7+7", "17.0.7", 0},
		{"17.0.7", "17.0.6", 1},
		{"1.8", "1.8.0", 0},
		{"1.8.0", "8u1", -1},
		{"20", "17.0.7", 1},
		{"7u80", "8u5", -1},
	})
	checkReject(t, s, []string{"Java 8", "8u", "1.8.0_", "11.0.x", "17-ea"})
}

func TestTomcat(t *testing.T) {
	s := MustLookup("tomcat")
	checkOrder(t, s, []cmpCase{
		{"10.1.0-M17", "10.1.0-milestone17", 0},
		{"10.1.0-M17", "10.1.0", -1},
		{"10.1.0-M17", "10.1.0-M2", 1},
		{"9.0.0.M17", "9.0.0-M17", 0},
		{"8.0.0-RC1", "8.0.0", -1},
		{"8.0.0-RC1", "8.0.0-M5", 1},
		{"7.0.0-beta", "7.0.0", -1},
		{"10.1.0", "10.0.27", 1},
		{"10.1.0-M17", "10.0.27", 1},
	})
	checkReject(t, s, []string{"10.1.0-M", "10.1.x", "10.1.0-SNAPSHOT"})
}

func TestVMware(t *testing.T) {
	s := MustLookup("vmware")
	checkOrder(t, s, []cmpCase{
		{"7.0U3p", "7.0 U3p", 0},
		{"7.0 Update 3p", "7.0U3p", 0},
		{"7.0U3p", "7.0U3o", 1},
		{"7.0U3", "7.0U3a", -1},
		{"7.0U3z", "7.0U3aa", -1},
		{"7.0", "7.0U1", -1},
		{"7.0U2", "7.0U1d", 1},
		{"8.0", "7.0U3t", 1},
		{"6.7U3s-19898906", "6.7U3s", 0},
		{"8.0 GA", "8.0", 0},
	})
	checkReject(t, s, []string{"7.0U", "vSphere 7", "7.0 Update"})
}

func TestCisco(t *testing.T) {
	s := MustLookup("cisco")
	checkOrder(t, s, []cmpCase{
		{"15.2(4)M11", "15.2(4)M10", 1},
		{"15.2(4)M11a", "15.2(4)M11", 1},
		{"15.2(5)M1", "15.2(4)M11", 1},
		{"9.8(4)15", "9.8(4)20", -1},
		{"9.16(3.19)", "9.16(3)19", 0},
		{"17.3.4a", "17.3.4", 1},
		{"17.3.4a", "17.3.5", -1},
		{"12.2(55)SE10", "12.2(55)SE9", 1},
		{"15.2(4)", "15.2(4)M1", -1},
	})
	checkReject(t, s, []string{"15.2((4)M11", "15.2(4", "IOS 15.2", "15.2)4("})
}

func TestAPK(t *testing.T) {
	s := MustLookup("apk")
	checkOrder(t, s, []cmpCase{
		{"1.1.1w-r0", "1.1.1v-r1", 1},
		{"1.1.1w-r1", "1.1.1w-r0", 1},
		{"1.1.1w", "1.1.1w-r0", 0},
		{"2.36.1_rc1-r2", "2.36.1-r0", -1},
		{"2.36.1_p1", "2.36.1", 1},
		{"2.36.1_alpha", "2.36.1_beta", -1},
		{"2.36.1_git20230101", "2.36.1_p1", -1},
		{"1.2", "1.2.1", -1},
		{"5.6.1-r0", "5.6.0-r2", 1},
	})
	checkReject(t, s, []string{"1.2_foo", "1.2-rx", "v1.2", "1.2~rc1"})
}

func TestGem(t *testing.T) {
	s := MustLookup("gem")
	checkOrder(t, s, []cmpCase{
		{"1.0", "1", 0},
		{"1.0.a", "1.0.b1", -1},
		{"1.0.rc1", "1.0", -1},
		{"1.0", "1.0.1", -1},
		{"1.0.0-beta", "1.0.0.pre.beta", 0},
		{"7.0.4.3", "7.0.4", 1},
		{"2.0.0.rc.2", "2.0.0.rc.10", -1},
	})
	checkReject(t, s, []string{"a1", "1..2", "1.0+x"})
}

func TestDebRPMSemverPEP440Facts(t *testing.T) {
	checkOrder(t, MustLookup("deb"), []cmpCase{
		{"2:4.15.5~dfsg-0ubuntu5", "4.19.0", 1},
		{"5.6.1-1", "5.6.1", 1},
		{"5.6.1+really5.4.5-1", "5.6.1-1", 1}, // dpkg: '+' after the end
		{"5.6.1+really5.4.5-1", "5.6.2", -1},
		{"1.1.1n-0+deb11u5", "1.1.1n-0+deb11u4", 1},
		{"1.0~rc1", "1.0", -1},
	})
	checkOrder(t, MustLookup("rpm"), []cmpCase{
		{"5.6.1-2.fc40", "5.6.1-1.fc40", 1},
		{"1:1.0-1", "2.0-1", 1},
		{"1.0~rc1-1", "1.0-1", -1},
		{"1.0^git1-1", "1.0-1", 1},
		{"2.9.1-1.module+el8.5.0+1234+abcdef12", "2.9.1-1.module+el8.4.0+1234+abcdef12", 1},
		{"3.0.7-2.0.1.el9", "3.0.7-2.el9", 1},
	})
	checkOrder(t, MustLookup("semver"), []cmpCase{
		{"v3.0.0-20200313102051-9f266ea9e77c", "v3.0.0", -1},
		{"v1.2.4-0.20200313102051-9f266ea9e77c", "v1.2.3", 1},
		{"v1.2.4-0.20200313102051-9f266ea9e77c", "v1.2.4", -1},
		{"v2.0.0+incompatible", "v2.0.0", 0},
		{"1.2.3", "v1.2.3", 0},
	})
	checkReject(t, MustLookup("semver"), []string{"1.2.3.4", "01.2.3", "1.2.3-01", "1.2-rc1", "1.2.3-"})
	checkReject(t, MustLookup("deb"), []string{"a1.0", "1.0-", ":1.0", "x:1.0", "1.0 beta", "1.0-1_2"})
	checkReject(t, MustLookup("rpm"), []string{"1.0-", "a:1", "1.0 2", "-1"})
	checkReject(t, MustLookup("pep440"), []string{"french toast", "1.0+a+", "1..0", "1.0.", "1.0 a1"})
	checkReject(t, MustLookup("maven"), []string{"...", "1 0", "1/0"})
}
